package dev.wedge.edge.dispatch.web;

import dev.wedge.edge.auth.Sessions;
import dev.wedge.edge.auth.UserStore;
import dev.wedge.edge.web.ApiException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.server.Request;

/**
 * Who may use dispatch's web side: the same {@link Sessions} (session cookie, idle and absolute expiry, CSRF token
 * per session, lockout after repeated wrong PINs) as the handheld API. At the edge it is the node's own
 * {@code Sessions} with its user accounts, so one login serves the handheld app and the driver app; at HQ each
 * warehouse has its own {@code Sessions} over the driver credentials that warehouse synced.
 */
public final class DispatchAccess {
    /** The handheld API's session cookie and CSRF header, so both apps speak the same mechanism. */
    static final String SESSION_COOKIE = Sessions.COOKIE;
    static final String CSRF_HEADER = Sessions.CSRF_HEADER;

    /** Checks a badge and PIN; empty for an unknown badge or a wrong PIN. */
    @FunctionalInterface
    public interface Login {
        Optional<UserStore.User> authenticate(String badge, char[] pin) throws Exception;
    }

    private final Sessions sessions;
    private final Login login;
    private final String cookiePath;

    /**
     * @param cookiePath the path the session cookie is scoped to: {@code /} at the edge (shared with the handheld
     *                   app), the warehouse's prefix at HQ so one warehouse's session is never sent to another's
     */
    public DispatchAccess(Sessions sessions, Login login, String cookiePath) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.login = Objects.requireNonNull(login, "login");
        if (cookiePath == null || !cookiePath.startsWith("/") || !cookiePath.matches("[A-Za-z0-9/_.-]+")) {
            throw new IllegalArgumentException("cookie path '" + cookiePath + "' must be an absolute URL path");
        }
        this.cookiePath = cookiePath;
    }

    /** The live session the request carries, its idle clock restarted. */
    Optional<Sessions.Session> session(Request request) {
        return sessions.find(Sessions.tokenIn(request.getHeaders().get("Cookie")));
    }

    /**
     * Opens a session for a badge and PIN.
     *
     * @throws ApiException 429 {@code login-locked} after too many wrong PINs, 401 {@code login-failed}
     */
    Sessions.Session open(String badge, char[] pin) throws Exception {
        if (!sessions.mayTry(badge)) {
            throw new ApiException(429, "login-locked", "too many wrong PINs for badge " + badge
                    + ": wait five minutes or ask a supervisor");
        }
        try {
            UserStore.User user = login.authenticate(badge, pin).filter(UserStore.User::active).orElse(null);
            if (user == null) {
                sessions.failed(badge);
                throw new ApiException(401, "login-failed", "badge or PIN not recognised");
            }
            return sessions.open(user);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    void close(Sessions.Session session) {
        sessions.close(session.token());
    }

    long idleSeconds() {
        return sessions.idle().toSeconds();
    }

    String setCookie(Sessions.Session s) {
        return SESSION_COOKIE + "=" + s.token() + "; Path=" + cookiePath + "; HttpOnly; SameSite=Strict; Max-Age="
                + sessions.idle().toSeconds() * 4;
    }

    String clearCookie() {
        return SESSION_COOKIE + "=; Path=" + cookiePath + "; HttpOnly; SameSite=Strict; Max-Age=0";
    }
}
