package dev.wedge.edge.web;

import dev.wedge.edge.auth.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds {@link Route}s with the problem statuses every endpoint of its kind can answer. */
final class Routes {

    static final Set<Role> PUBLIC = Set.of();
    static final Set<Role> ANYONE = Set.of(Role.values());

    private Routes() {
    }

    static Route get(String path, Set<Role> roles, String tag, String summary, Route.Handler handler) {
        return new Route("GET", path, roles, tag, summary, 200, List.of(), statuses("GET", path, roles, false), handler);
    }

    /** A GET that answers with a stream of server-sent events; its handler returns an {@link EventStream}. */
    static Route stream(String path, Set<Role> roles, String tag, String summary, Route.Handler handler) {
        return new Route("GET", path, roles, tag, summary, 200, List.of(), statuses("GET", path, roles, false), handler,
                Route.EVENT_STREAM);
    }

    static Route post(String path, Set<Role> roles, String tag, String summary, int success, List<String> body,
                      Route.Handler handler) {
        return new Route("POST", path, roles, tag, summary, success, body, statuses("POST", path, roles, true), handler);
    }

    static Route delete(String path, Set<Role> roles, String tag, String summary, Route.Handler handler) {
        return new Route("DELETE", path, roles, tag, summary, 204, List.of(), statuses("DELETE", path, roles, false),
                handler);
    }

    private static List<Integer> statuses(String method, String path, Set<Role> roles, boolean body) {
        List<Integer> s = new ArrayList<>();
        if (body || path.contains("{")) {
            s.add(400);
        }
        if (!roles.isEmpty()) {
            s.add(401);
            s.add(403);
        }
        if (path.contains("{") || body) {
            s.add(404);
        }
        if (!"GET".equals(method)) {
            s.add(409);
            s.add(422);
        }
        if (body) {
            s.add(415);
        }
        if (!"GET".equals(method)) {
            s.add(503);
        }
        return s;
    }
}
