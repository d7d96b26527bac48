package dev.wedge.edge.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in sessions, held in memory (a restart logs everyone out, which a handheld survives by showing the
 * login screen). A session expires after {@code idle} without a request and after {@code maximum} in any case.
 * Each session carries its own CSRF token, which state-changing requests must echo in a header. Failed logins
 * per badge are counted, and a badge with too many in a row is refused for a while.
 */
public final class Sessions {

    /** The cookie that carries a session's token, and the header that must repeat its CSRF token. */
    public static final String COOKIE = "wedge_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";


    /** One logged-in person. */
    public record Session(String token, String csrfToken, UserStore.User user, Instant createdAt,
                          Instant lastSeen) {
    }

    private static final int MAX_FAILURES = 5;
    private static final Duration LOCKOUT = Duration.ofMinutes(5);
    /** What {@link UserStore#create} accepts as a badge. */
    private static final java.util.regex.Pattern BADGE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{3,40}");
    private static final int PRUNE_AT = 1_000;

    private record Failures(int count, Instant lastAt) {
    }

    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idle;
    private final Duration maximum;

    public Sessions(Clock clock, Duration idle, Duration maximum) {
        if (idle.isNegative() || idle.isZero() || maximum.compareTo(idle) < 0) {
            throw new IllegalArgumentException("session idle timeout " + idle + " must be positive and at most the"
                    + " maximum " + maximum);
        }
        this.clock = clock;
        this.idle = idle;
        this.maximum = maximum;
    }

    public Duration idle() {
        return idle;
    }

    public Session open(UserStore.User user) {
        Instant now = clock.instant();
        failures.remove(user.badge());
        // A session whose handheld never came back is otherwise never looked up again, so never removed.
        dropExpired(now);
        Session s = new Session(token(), token(), user, now, now);
        byToken.put(s.token(), s);
        return s;
    }

    /** The live session for a token, its idle clock restarted; empty when unknown or expired. */
    public Optional<Session> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session s = byToken.get(token);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(s, now)) {
            byToken.remove(token);
            return Optional.empty();
        }
        Session touched = new Session(s.token(), s.csrfToken(), s.user(), s.createdAt(), now);
        byToken.put(token, touched);
        return Optional.of(touched);
    }

    public void close(String token) {
        byToken.remove(token);
    }

    /** Whether the badge may try a PIN now (not locked out by repeated failures). */
    public boolean mayTry(String badge) {
        Failures f = failures.get(badge);
        return f == null || f.count() < MAX_FAILURES || clock.instant().isAfter(f.lastAt().plus(LOCKOUT));
    }

    /**
     * Counts a wrong PIN for {@code badge}. Anyone who can reach the port can call this with any text, so only a
     * string that can be a badge is remembered, and failures whose lockout has passed are forgotten once many
     * are kept: the map must not grow with whatever is typed.
     */
    public void failed(String badge) {
        if (badge == null || !BADGE.matcher(badge).matches()) {
            return;
        }
        Instant now = clock.instant();
        if (failures.size() >= PRUNE_AT) {
            failures.values().removeIf(f -> now.isAfter(f.lastAt().plus(LOCKOUT)));
        }
        failures.merge(badge, new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
    }

    /** Badges whose failures are remembered. */
    int trackedFailures() {
        return failures.size();
    }

    /** Sessions that have not expired. */
    public int active() {
        dropExpired(clock.instant());
        return byToken.size();
    }

    private boolean expired(Session s, Instant now) {
        return now.isAfter(s.lastSeen().plus(idle)) || now.isAfter(s.createdAt().plus(maximum));
    }

    private void dropExpired(Instant now) {
        byToken.values().removeIf(s -> expired(s, now));
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The session token in a {@code Cookie} request header, or null when it carries none. */
    public static String tokenIn(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String part : cookieHeader.split(";")) {
            String p = part.trim();
            if (p.startsWith(COOKIE + "=")) {
                return p.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }
}
