package dev.wedge.edge.web;

import dev.wedge.edge.auth.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One REST endpoint: method, path template ({@code /api/pick-tasks/{taskId}/scans}), the roles it admits (empty
 * for a public endpoint), its handler and what the OpenAPI document says about it.
 *
 * @param body      names of the JSON body's fields, documented in the OpenAPI document (empty for no body)
 * @param responses the statuses it may answer besides its success status
 * @param produces  the media type of its success answer ({@code application/json}, or
 *                  {@code text/event-stream} for a stream of server-sent events)
 */
public record Route(String method, String path, Set<Role> roles, String tag, String summary, int success,
                    List<String> body, List<Integer> responses, Handler handler, String produces) {

    public static final String JSON = "application/json";
    public static final String EVENT_STREAM = "text/event-stream";

    /** Handles a matched request and returns what to send as JSON (null for 204). */
    @FunctionalInterface
    public interface Handler {
        Object handle(ApiRequest request) throws Exception;
    }


    /** A route that answers JSON. */
    public Route(String method, String path, Set<Role> roles, String tag, String summary, int success,
                 List<String> body, List<Integer> responses, Handler handler) {
        this(method, path, roles, tag, summary, success, body, responses, handler, JSON);
    }

    public Route {
        if (!JSON.equals(produces) && !EVENT_STREAM.equals(produces)) {
            throw new IllegalArgumentException("a route produces " + JSON + " or " + EVENT_STREAM + ", not " + produces);
        }
        roles = Set.copyOf(roles);
        body = List.copyOf(body);
        responses = List.copyOf(responses);
    }

    public boolean isPublic() {
        return roles.isEmpty();
    }

    public boolean changesState() {
        return !"GET".equals(method);
    }

    /** The path parameters when {@code actual} matches this template, else null. */
    Map<String, String> match(String actual) {
        List<String> values = PathTemplate.match(path, actual);
        if (values == null) {
            return null;
        }
        List<String> keys = parameters();
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            params.put(keys.get(i), values.get(i));
        }
        return params;
    }

    /** The path parameter names, in order. */
    public List<String> parameters() {
        return PathTemplate.parameters(path);
    }
}
