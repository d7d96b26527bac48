package dev.wedge.edge.dispatch.eta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wedge.edge.dispatch.model.GeoPoint;
import dev.wedge.routing.cost.HaversineCosts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EtaCalculatorTest {
    // 10 m/s and no detour: one degree of latitude (111,195 m on the mean earth radius) takes 11,119.5 s.
    private final EtaCalculator eta = new EtaCalculator(new HaversineCosts(10, 1));
    private final Instant now = Instant.parse("2026-12-03T08:00:00Z");

    private RemainingStop stop(String id, double lat, Instant from, Instant to) {
        return new RemainingStop(id, new GeoPoint(lat, 0), from, to, 600, Optional.empty());
    }

    @Test
    void arrivalIsDrivingTimeFromThePositionAndEachLaterStopAddsServiceAndTheNextLeg() {
        List<StopEta> etas = eta.etas(new GeoPoint(0, 0), now, List.of(
                stop("A", 1, now, now.plus(Duration.ofHours(8))),
                stop("B", 2, now, now.plus(Duration.ofHours(8)))));

        double firstLeg = Duration.between(now, etas.get(0).arrival()).toMillis() / 1000.0;
        assertThat(firstLeg).isCloseTo(11_119.5, within(1.0));
        double second = Duration.between(etas.get(0).departure(), etas.get(1).arrival()).toMillis() / 1000.0;
        assertThat(second).isCloseTo(11_119.5, within(1.0));
        assertThat(Duration.between(etas.get(0).arrival(), etas.get(0).departure())).isEqualTo(Duration.ofMinutes(10));
        assertThat(etas).noneMatch(StopEta::late);
    }

    @Test
    void aTruckThatIsEarlyWaitsForTheWindowToOpen() {
        Instant opens = now.plus(Duration.ofHours(5));
        List<StopEta> etas = eta.etas(new GeoPoint(0, 0), now, List.of(stop("A", 1, opens, opens.plusSeconds(3600))));

        assertThat(etas.get(0).arrival()).isBefore(opens);
        assertThat(etas.get(0).serviceStart()).isEqualTo(opens);
        assertThat(etas.get(0).departure()).isEqualTo(opens.plusSeconds(600));
    }

    @Test
    void positionsReplayedAlongTheRouteBringTheEtaOfTheNextStopCloser() {
        RemainingStop a = stop("A", 1, now, now.plus(Duration.ofHours(8)));
        Instant previous = null;
        for (int step = 0; step <= 4; step++) {
            // Every 10 minutes the truck has covered another quarter of the way (faster than planned).
            Instant t = now.plus(Duration.ofMinutes(10L * step));
            StopEta e = eta.etas(new GeoPoint(step / 4.0, 0), t, List.of(a)).get(0);
            if (previous != null) {
                assertThat(e.arrival()).isBefore(previous);
            }
            previous = e.arrival();
        }
        assertThat(previous).isEqualTo(now.plus(Duration.ofMinutes(40)));
    }

    @Test
    void aTruckStandingStillPushesEveryEtaLaterByTheTimeLostAndMarksAStopLateOnceItsWindowIsMissed() {
        Instant closes = now.plus(Duration.ofHours(4));
        List<RemainingStop> stops = List.of(stop("A", 1, now, closes), stop("B", 2, now, closes));
        List<StopEta> before = eta.etas(new GeoPoint(0, 0), now, stops);
        List<StopEta> after = eta.etas(new GeoPoint(0, 0), now.plus(Duration.ofMinutes(45)), stops);

        for (int i = 0; i < 2; i++) {
            assertThat(Duration.between(before.get(i).arrival(), after.get(i).arrival()))
                    .isEqualTo(Duration.ofMinutes(45));
        }
        assertThat(before.get(0).late()).isFalse();
        assertThat(after.get(0).late()).isFalse();
        // B: 2 x 11,119.5 s + 600 s = 6h 19m after the truck leaves, beyond the 4 h window.
        assertThat(after.get(1).late()).isTrue();
    }

    @Test
    void aStopBeingServedIsLeftWhenItsServiceTimeIsOverButNotBeforeNow() {
        Instant arrived = now.minus(Duration.ofMinutes(4));
        RemainingStop here = new RemainingStop("A", new GeoPoint(0, 0), now.minusSeconds(3600),
                now.plusSeconds(3600), 600, Optional.of(arrived));
        StopEta e = eta.etas(new GeoPoint(0, 0), now, List.of(here)).get(0);
        assertThat(e.departure()).isEqualTo(arrived.plusSeconds(600));

        StopEta overdue = eta.etas(new GeoPoint(0, 0), now.plus(Duration.ofMinutes(20)), List.of(here)).get(0);
        assertThat(overdue.departure()).isEqualTo(now.plus(Duration.ofMinutes(20)));
    }

    @Test
    void aStopTheDriverReachedOutOfOrderIsServedBeforeTheEarlierOnesStillOpen() {
        // The driver skipped A and is at B now: B is finished first, then the drive back to A.
        RemainingStop a = stop("A", 1, now, now.plus(Duration.ofHours(8)));
        RemainingStop b = new RemainingStop("B", new GeoPoint(2, 0), now, now.plus(Duration.ofHours(8)), 600,
                Optional.of(now));

        List<StopEta> etas = eta.etas(new GeoPoint(2, 0), now, List.of(a, b));

        assertThat(etas).extracting(StopEta::stopId).containsExactly("A", "B");
        assertThat(etas.get(1).departure()).isEqualTo(now.plus(Duration.ofMinutes(10)));
        double back = Duration.between(etas.get(1).departure(), etas.get(0).arrival()).toMillis() / 1000.0;
        assertThat(back).isCloseTo(11_119.5, within(1.0));
    }
}
