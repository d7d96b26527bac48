package dev.wedge.edge.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionsTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(8));
    private final UserStore.User picker = new UserStore.User("B1", "Pia", Role.PICKER, true);

    @Test
    void remembersWrongPinsOnlyForWhatCanBeABadgeAndForgetsThoseWhoseLockoutPassed() {
        // Before login, anyone can send any badge text; none of it may pile up in memory.
        sessions.failed("B".repeat(100_000));
        sessions.failed("not a badge!");
        assertThat(sessions.trackedFailures()).isZero();
        for (int i = 0; i < 1_000; i++) {
            sessions.failed("GUESS-" + i);
        }
        assertThat(sessions.trackedFailures()).isEqualTo(1_000);
        for (int i = 0; i < 5; i++) {
            sessions.failed("B-1");
        }
        assertThat(sessions.mayTry("B-1")).isFalse();

        clock.advance(Duration.ofMinutes(6));
        sessions.failed("B-2");

        assertThat(sessions.trackedFailures()).isEqualTo(1);
        assertThat(sessions.mayTry("B-1")).isTrue();
    }

    @Test
    void countsOnlyLiveSessionsAndDropsThoseThatExpiredWithoutBeingUsedAgain() {
        sessions.open(picker);
        sessions.open(picker);
        assertThat(sessions.active()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(31));
        Sessions.Session again = sessions.open(picker);

        // The two left behind (the handheld logged in afresh) are no longer counted, nor kept.
        assertThat(sessions.active()).isEqualTo(1);
        assertThat(sessions.find(again.token())).isPresent();
    }

    @Test
    void aSessionExpiresAfterItsIdleTimeWithoutARequest() {
        String token = sessions.open(picker).token();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(token)).isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(token)).isPresent();

        clock.advance(Duration.ofMinutes(31));

        assertThat(sessions.find(token)).isEmpty();
    }

    @Test
    void aBusySessionStillEndsAtItsMaximumAge() {
        String token = sessions.open(picker).token();
        for (int i = 0; i < 16; i++) {
            clock.advance(Duration.ofMinutes(29));
            sessions.find(token);
        }
        clock.advance(Duration.ofMinutes(20));

        assertThat(sessions.find(token)).isEmpty();
    }

    @Test
    void eachSessionHasItsOwnUnguessableTokens() {
        Sessions.Session a = sessions.open(picker);
        Sessions.Session b = sessions.open(picker);

        assertThat(a.token()).isNotEqualTo(b.token()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(a.csrfToken()).isNotEqualTo(a.token()).isNotEqualTo(b.csrfToken());
    }

    @Test
    void pinsAreStoredAsSaltedHashesThatOnlyTheRightPinMatches() {
        PinHasher hasher = new PinHasher(1_000);
        PinHasher.Hash one = hasher.hash("4711".toCharArray());
        PinHasher.Hash two = hasher.hash("4711".toCharArray());

        assertThat(one.hash()).isNotEqualTo(two.hash()).doesNotContain("4711");
        assertThat(hasher.matches("4711".toCharArray(), one)).isTrue();
        assertThat(hasher.matches("4712".toCharArray(), one)).isFalse();
    }
}
