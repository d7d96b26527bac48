package dev.wedge.edge.dispatch.web;

import dev.wedge.edge.auth.Role;
import dev.wedge.edge.auth.Sessions;
import dev.wedge.edge.web.PathTemplate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.server.Request;

/**
 * One dispatch endpoint: method, path template ({@code /api/dispatch/stops/{stopId}/pin}), the roles it admits
 * (empty: public), the statuses it may answer besides success, and what it does. The same table drives the
 * handler's checks and the OpenAPI document, so the two cannot drift apart.
 */
record Endpoint(String method, String path, Set<Role> roles, String summary, List<Integer> statuses, Serve serve) {

    /** Serves a matched, authorised request. */
    @FunctionalInterface
    interface Serve {
        Reply serve(Call call) throws Exception;
    }

    /** A matched request: its path parameters in order and the caller's session (null on public endpoints). */
    record Call(Request request, List<String> params, Sessions.Session session) {
        String param(int i) {
            return params.get(i);
        }
    }

    /** What to answer. */
    record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        Reply(int status, String contentType, byte[] body) {
            this(status, contentType, body, Map.of());
        }
    }

    Endpoint {
        roles = Set.copyOf(roles);
        statuses = List.copyOf(statuses);
    }

    boolean isPublic() {
        return roles.isEmpty();
    }

    boolean changesState() {
        return !"GET".equals(method);
    }

    /** The path parameters when {@code actual} matches the template, else null. */
    List<String> match(String actual) {
        return PathTemplate.match(path, actual);
    }

    List<String> parameters() {
        return PathTemplate.parameters(path);
    }
}
