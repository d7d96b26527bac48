package dev.wedge.edge.dispatch.web;

import dev.wedge.edge.auth.Role;
import dev.wedge.edge.auth.Sessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)}");

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
        Matcher m = Pattern.compile(PARAM.matcher(Pattern.quote(path)).replaceAll("\\\\E([^/]+)\\\\Q"))
                .matcher(actual);
        if (!m.matches()) {
            return null;
        }
        List<String> params = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            params.add(java.net.URLDecoder.decode(m.group(i), java.nio.charset.StandardCharsets.UTF_8));
        }
        return params;
    }

    List<String> parameters() {
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
