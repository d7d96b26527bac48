package dev.wedge.edge.dispatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.auth.Role;
import dev.wedge.edge.auth.Sessions;
import dev.wedge.edge.dispatch.Dispatch;
import dev.wedge.edge.dispatch.model.DispatchErrorCode;
import dev.wedge.edge.dispatch.model.DispatchException;
import dev.wedge.edge.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web side of dispatch as one Jetty 12 core handler, so the edge node and HQ serve the same code: the driver
 * app under {@code /driver/}, the supervisor view under {@code /dispatch/}, the JSON API under
 * {@code /api/dispatch/}, and customer tracking pages at {@code /track/{token}}. Paths are taken relative to the
 * context it is mounted in, and it declines (returns false) every other path so it can sit in a
 * {@link Handler.Sequence} before other handlers.
 *
 * <p>Every API request passes the same checks as the handheld API ({@link DispatchApi} says who may call what): a
 * live session unless the endpoint is public, one of the endpoint's roles, and the session's CSRF token on
 * state-changing requests. Errors are RFC 9457 problem documents with a stable code; a failure inside the node is
 * answered without its exception text, under an incident id that is also in the log.
 */
public final class DispatchHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchHandler.class);
    private static final int MAX_BODY = 32 * 1024 * 1024;
    private static final Pattern STATIC = Pattern.compile("/(?:driver|dispatch)/([a-z0-9-]+\\.(?:html|js|css|json))");

    private final ObjectMapper json = new ObjectMapper();
    private final DispatchAccess access;
    private final List<Endpoint> endpoints;

    /** The edge's handler: drivers' actions are applied here, and the dispatcher's endpoints are offered. */
    public DispatchHandler(Dispatch dispatch, DispatchAccess access) {
        this(dispatch, access, (action, json) -> dispatch.apply(action), true);
    }

    private DispatchHandler(Dispatch dispatch, DispatchAccess access, DriverActionSink sink, boolean dispatcher) {
        this.access = access;
        this.endpoints = new DispatchApi(dispatch, access, sink, json, dispatcher).endpoints();
    }

    /**
     * HQ's handler for drivers on the road: the driver app and its endpoints only, reading the day from
     * {@code readSide} (HQ's copy of what the warehouse synced) and handing actions to {@code sink}.
     */
    public static DispatchHandler forDrivers(Dispatch readSide, DispatchAccess access, DriverActionSink sink) {
        return new DispatchHandler(readSide, access, sink, false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        return serve(request, response, callback, Request.getPathInContext(request));
    }

    /**
     * Like {@link #handle}, for a path the caller has already taken relative to where it serves this handler (HQ
     * serves one per warehouse under {@code /warehouses/{id}/}); returns false for a path that is not dispatch's.
     */
    public boolean serve(Request request, Response response, Callback callback, String path) {
        if (!owns(path)) {
            return false;
        }
        try {
            route(request, response, callback, path);
        } catch (DispatchException e) {
            problem(response, callback, status(e.code()), code(e.code()), e.getMessage());
        } catch (ApiException e) {
            problem(response, callback, e.status(), e.code(), e.getMessage());
        } catch (Exception e) {
            String incident = UUID.randomUUID().toString();
            LOG.error("dispatch request {} {} failed (incident {})", request.getMethod(), path, incident, e);
            problem(response, callback, 500, "internal-error", "The node could not answer; incident " + incident
                    + " is in its log.");
        }
        return true;
    }

    /** Whether the path is one of dispatch's: everything else is left to the next handler. */
    static boolean owns(String path) {
        return path.equals("/driver") || path.startsWith("/driver/") || path.equals("/dispatch")
                || path.startsWith("/dispatch/") || path.startsWith("/api/dispatch/") || path.startsWith("/track/");
    }

    static int status(DispatchErrorCode code) {
        return switch (code) {
            case NOT_FOUND -> 404;
            case WRONG_STATE, NO_DRIVER, NOT_YOUR_STOP, KEY_REUSED -> 409;
            case INVALID_INPUT, PROOF_MISSING -> 400;
        };
    }

    /** Problem codes are spelt like the handheld API's: {@code NOT_YOUR_STOP} becomes {@code not-your-stop}. */
    static String code(DispatchErrorCode code) {
        return code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private void route(Request request, Response response, Callback callback, String path) throws Exception {
        String method = request.getMethod();
        Matcher m;
        if ("GET".equals(method) && (path.equals("/driver") || path.equals("/driver/"))) {
            staticFile(response, callback, "driver.html");
            return;
        }
        if ("GET".equals(method) && (path.equals("/dispatch") || path.equals("/dispatch/"))) {
            staticFile(response, callback, "supervisor.html");
            return;
        }
        if ("GET".equals(method) && (m = STATIC.matcher(path)).matches()) {
            staticFile(response, callback, m.group(1));
            return;
        }
        if ("GET".equals(method) && path.startsWith("/track/") && !path.matches("/track/[^/]+")) {
            Endpoint.Reply none = DispatchApi.noTrackingPage();
            send(response, callback, none.status(), none.contentType(), none.body());
            return;
        }
        boolean known = false;
        for (Endpoint e : endpoints) {
            List<String> params = e.match(path);
            if (params == null) {
                continue;
            }
            known = true;
            if (e.method().equals(method)) {
                Endpoint.Reply reply = e.serve().serve(new Endpoint.Call(request, params, authorise(e, request)));
                reply.headers().forEach((k, v) -> response.getHeaders().add(k, v));
                send(response, callback, reply.status(), reply.contentType(), reply.body());
                return;
            }
        }
        if (known) {
            throw new ApiException(405, "method-not-allowed", method + " is not allowed on " + path);
        }
        throw new ApiException(404, "not-found", "No dispatch resource at " + method + " " + path);
    }

    private Sessions.Session authorise(Endpoint e, Request request) throws ApiException {
        Optional<Sessions.Session> session = access.session(request);
        if (e.isPublic()) {
            return session.orElse(null);
        }
        Sessions.Session s = session.orElseThrow(() -> new ApiException(401, "not-authenticated",
                "log in with your badge and PIN first (no session, or it expired)"));
        Role role = s.user().role();
        if (!e.roles().contains(role)) {
            throw new ApiException(403, "forbidden", e.method() + " " + e.path() + " needs role "
                    + e.roles().stream().map(Role::wire).sorted().collect(Collectors.joining(" or "))
                    + "; you are " + role.wire());
        }
        if (e.changesState() && !s.csrfToken().equals(request.getHeaders().get(DispatchAccess.CSRF_HEADER))) {
            throw new ApiException(403, "csrf-mismatch", "state-changing requests need the session's "
                    + DispatchAccess.CSRF_HEADER + " header");
        }
        return s;
    }

    private void staticFile(Response response, Callback callback, String name) throws IOException, ApiException {
        try (InputStream in = DispatchHandler.class.getResourceAsStream("/dispatch/" + name)) {
            if (in == null) {
                throw new ApiException(404, "not-found", "No file " + name);
            }
            String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                    : name.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : name.endsWith(".css") ? "text/css; charset=utf-8" : "application/json";
            send(response, callback, 200, type, in.readAllBytes());
        }
    }

    /** The request's body as a JSON object, at most 32 MiB. */
    static JsonNode body(Request request, ObjectMapper json) throws IOException {
        try (InputStream in = Request.asInputStream(request)) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "The body is larger than " + MAX_BODY
                        + " bytes");
            }
            try {
                // Anything after the object (a second object, stray text) makes the body ambiguous, not ignorable.
                JsonNode n = json.reader().with(com.fasterxml.jackson.databind.DeserializationFeature
                        .FAIL_ON_TRAILING_TOKENS).readTree(bytes);
                if (n == null || !n.isObject()) {
                    throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "The body is not a JSON object");
                }
                return n;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "The body is not JSON: "
                        + e.getOriginalMessage());
            }
        }
    }

    private void problem(Response response, Callback callback, int status, String code, String detail) {
        ObjectNode p = json.createObjectNode();
        p.put("type", "urn:wedge:problem:" + code);
        p.put("title", HttpStatus.getMessage(status));
        p.put("status", status);
        p.put("code", code);
        p.put("detail", detail);
        send(response, callback, status, "application/problem+json", p.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void send(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
