package dev.wedge.edge.web;

import dev.wedge.edge.auth.Role;
import dev.wedge.edge.auth.Sessions;
import dev.wedge.edge.floor.FloorException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches API requests to their {@link Route}, enforcing on every one: a live session unless the route is
 * public, one of the route's roles, the session's CSRF token on state-changing requests and a JSON body.
 * Every refusal and failure is answered as a problem with a stable code.
 */
final class Router {

    /** What to send back; {@code stream} is set (and the body empty) when the answer is an event stream. */
    record Answer(int status, String contentType, String body, Map<String, String> headers, EventStream stream) {
        Answer(int status, String contentType, String body, Map<String, String> headers) {
            this(status, contentType, body, headers, null);
        }
    }

    static final String CSRF_HEADER = Sessions.CSRF_HEADER;
    static final String SESSION_COOKIE = Sessions.COOKIE;

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final List<Route> routes;
    private final Sessions sessions;

    Router(List<Route> routes, Sessions sessions) {
        this.routes = List.copyOf(routes);
        this.sessions = sessions;
    }

    List<Route> routes() {
        return routes;
    }

    /** Handles one request; {@code headers} looks up a request header by name (null when absent). */
    Answer handle(String method, String path, java.util.function.Function<String, String> headers, String body) {
        try {
            return dispatch(method, path, headers, body);
        } catch (ApiException e) {
            return problem(e.status(), e.code(), e.getMessage());
        } catch (FloorException e) {
            return problem(e.error().httpStatus(), e.error().code(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return problem(400, "invalid-request", e.getMessage());
        } catch (java.sql.SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.equals("23505")) {
                return problem(409, "conflict", "that already exists (" + path + ")");
            }
            if (state.startsWith("40")) {
                // Lock timeouts and deadlocks that outlived the retries: the same request may succeed again.
                return problem(503, "busy", "the node is busy with the same stock: scan again");
            }
            LOG.error("{} {} failed", method, path, e);
            return problem(500, "internal-error", "the node could not answer: database error " + state);
        } catch (Exception e) {
            LOG.error("{} {} failed", method, path, e);
            return problem(500, "internal-error", "the node could not answer: " + e.getClass().getSimpleName());
        }
    }

    private Answer dispatch(String method, String path, java.util.function.Function<String, String> headers,
                            String body) throws Exception {
        Route route = null;
        Map<String, String> params = null;
        boolean pathKnown = false;
        for (Route r : routes) {
            Map<String, String> p = r.match(path);
            if (p != null) {
                pathKnown = true;
                if (r.method().equals(method)) {
                    route = r;
                    params = p;
                    break;
                }
            }
        }
        if (route == null) {
            throw pathKnown ? new ApiException(405, "method-not-allowed", method + " is not allowed on " + path)
                    : new ApiException(404, "not-found", "no resource at " + path);
        }
        Sessions.Session session = authorise(route, headers);
        ObjectNode json = body(route, headers, body);
        String device = Optional.ofNullable(headers.apply("X-Wedge-Device")).filter(d -> d.matches("[A-Za-z0-9_-]{1,40}"))
                .orElse(session == null ? "anonymous" : "hh-" + session.user().badge());
        Object result = route.handler().handle(new ApiRequest(params, json, session, device));
        Map<String, String> extra = Map.of();
        if (result instanceof ApiResponse r) {
            extra = r.headers();
            result = r.body();
        }
        if (result == null) {
            return new Answer(204, "application/json", "", extra);
        }
        if (result instanceof EventStream stream) {
            return new Answer(200, Route.EVENT_STREAM, "", extra, stream);
        }
        return new Answer(route.success(), "application/json", Json.MAPPER.writeValueAsString(result), extra);
    }

    private Sessions.Session authorise(Route route, java.util.function.Function<String, String> headers)
            throws ApiException {
        Optional<Sessions.Session> session = sessions.find(Sessions.tokenIn(headers.apply("Cookie")));
        if (route.isPublic()) {
            return session.orElse(null);
        }
        Sessions.Session s = session.orElseThrow(() -> new ApiException(401, "not-authenticated",
                "log in with your badge and PIN first (no session, or it expired)"));
        Role role = s.user().role();
        if (!route.roles().contains(role)) {
            throw new ApiException(403, "forbidden", route.method() + " " + route.path() + " needs role "
                    + route.roles().stream().map(Role::wire).sorted().collect(Collectors.joining(" or "))
                    + "; you are " + role.wire());
        }
        if (route.changesState() && !s.csrfToken().equals(headers.apply(CSRF_HEADER))) {
            throw new ApiException(403, "csrf-mismatch", "state-changing requests need the session's "
                    + CSRF_HEADER + " header");
        }
        return s;
    }

    private static ObjectNode body(Route route, java.util.function.Function<String, String> headers, String body)
            throws ApiException {
        if (body == null || body.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        String type = headers.apply("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "unsupported-media-type", "send the body as application/json");
        }
        try {
            // Anything after the object (a second object, stray text) makes the body ambiguous, not ignorable.
            JsonNode node = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
            if (!(node instanceof ObjectNode o)) {
                throw ApiException.badRequest("the body must be a JSON object");
            }
            return o;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static Answer problem(int status, String code, String detail) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("type", "urn:wedge:problem:" + code);
        p.put("title", org.eclipse.jetty.http.HttpStatus.getMessage(status));
        p.put("status", status);
        p.put("code", code);
        p.put("detail", detail);
        return new Answer(status, "application/problem+json", p.toString(), Map.of());
    }
}
