package dev.wedge.edge.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.auth.Role;
import dev.wedge.edge.auth.Sessions;
import dev.wedge.edge.auth.UserStore;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Login by badge and PIN, the current session, logout, and user accounts (admin only). */
final class SessionApi {

    private final UserStore users;
    private final Sessions sessions;

    SessionApi(UserStore users, Sessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    List<Route> routes() {
        return List.of(
                new Route("POST", "/api/session", Routes.PUBLIC, "session", "Log in with badge and PIN", 201,
                        List.of("badge", "pin"), List.of(400, 401, 415, 429), this::login),
                Routes.get("/api/session", Routes.ANYONE, "session", "The logged-in person and the CSRF token",
                        r -> describe(r.session())),
                Routes.delete("/api/session", Routes.ANYONE, "session", "Log out", this::logout),
                Routes.get("/api/users", Set.of(Role.ADMIN), "users", "Every account (never a PIN)", r -> users.list()),
                Routes.post("/api/users", Set.of(Role.ADMIN), "users", "Create an account", 201,
                        List.of("badge", "name", "role", "pin"), this::create));
    }

    private Object login(ApiRequest r) throws Exception {
        String badge = r.text("badge");
        char[] pin = r.text("pin").toCharArray();
        if (!sessions.mayTry(badge)) {
            throw new ApiException(429, "login-locked", "too many wrong PINs for badge " + badge
                    + ": wait five minutes or ask a supervisor");
        }
        UserStore.User user = users.authenticate(badge, pin).orElse(null);
        java.util.Arrays.fill(pin, '\0');
        if (user == null) {
            sessions.failed(badge);
            throw new ApiException(401, "login-failed", "badge or PIN not recognised");
        }
        Sessions.Session s = sessions.open(user);
        return new ApiResponse(describe(s), Map.of("Set-Cookie", Router.SESSION_COOKIE + "=" + s.token()
                + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + sessions.idle().toSeconds() * 4));
    }

    private Object logout(ApiRequest r) {
        sessions.close(r.session().token());
        return new ApiResponse(null, Map.of("Set-Cookie", Router.SESSION_COOKIE
                + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"));
    }

    private Object create(ApiRequest r) throws Exception {
        Role role;
        try {
            role = Role.parse(r.text("role"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return users.create(r.text("badge"), r.text("name"), role, r.text("pin").toCharArray());
    }

    private ObjectNode describe(Sessions.Session s) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("badge", s.user().badge());
        n.put("name", s.user().name());
        n.put("role", s.user().role().wire());
        n.put("csrfToken", s.csrfToken());
        n.put("idleTimeoutSeconds", sessions.idle().toSeconds());
        return n;
    }
}
