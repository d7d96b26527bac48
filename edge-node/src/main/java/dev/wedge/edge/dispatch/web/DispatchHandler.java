package dev.wedge.edge.dispatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.dispatch.Dispatch;
import dev.wedge.edge.dispatch.driver.ActionResult;
import dev.wedge.edge.dispatch.model.DispatchErrorCode;
import dev.wedge.edge.dispatch.model.DispatchException;
import dev.wedge.edge.dispatch.model.Ids;
import dev.wedge.edge.dispatch.model.ProofKind;
import dev.wedge.edge.dispatch.plan.Replanner;
import dev.wedge.edge.dispatch.store.JdbcProofStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
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
 * {@link Handler.Sequence} before other handlers. Errors are RFC 9457 problem documents with the dispatch code.
 */
public final class DispatchHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchHandler.class);
    private static final int MAX_BODY = 32 * 1024 * 1024;
    private static final Pattern STATIC = Pattern.compile("/(?:driver|dispatch)/([a-z0-9-]+\\.(?:html|js|css|json))");
    private static final Pattern DAY = Pattern.compile("/api/dispatch/drivers/([^/]+)/day");
    private static final Pattern STOP = Pattern.compile("/api/dispatch/stops/([^/]+)");
    private static final Pattern PROOF = Pattern.compile("/api/dispatch/stops/([^/]+)/proof/(signature|photo)");
    private static final Pattern PIN = Pattern.compile("/api/dispatch/stops/([^/]+)/pin");
    private static final Pattern REASSIGN = Pattern.compile("/api/dispatch/routes/([^/]+)/driver");

    private final Dispatch dispatch;
    private final ObjectMapper json = new ObjectMapper();

    public DispatchHandler(Dispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!owns(path)) {
            return false;
        }
        try {
            route(request, response, callback, path);
        } catch (DispatchException e) {
            int status = switch (e.code()) {
                case NOT_FOUND -> 404;
                case WRONG_STATE, NO_DRIVER, NOT_YOUR_STOP, KEY_REUSED -> 409;
                case INVALID_INPUT, PROOF_MISSING -> 400;
            };
            problem(response, callback, status, e.code().name(), e.getMessage());
        } catch (Exception e) {
            LOG.error("dispatch request {} {} failed", request.getMethod(), path, e);
            problem(response, callback, 500, "INTERNAL", "The request failed: " + e.getMessage());
        }
        return true;
    }

    /** Whether the path is one of dispatch's: everything else is left to the next handler. */
    static boolean owns(String path) {
        return path.equals("/driver") || path.startsWith("/driver/") || path.equals("/dispatch")
                || path.startsWith("/dispatch/") || path.startsWith("/api/dispatch/") || path.startsWith("/track/");
    }

    private void route(Request request, Response response, Callback callback, String path) throws Exception {
        boolean get = "GET".equals(request.getMethod());
        Matcher m;
        if (get && (path.equals("/driver") || path.equals("/driver/"))) {
            staticFile(response, callback, "driver.html");
        } else if (get && (path.equals("/dispatch") || path.equals("/dispatch/"))) {
            staticFile(response, callback, "supervisor.html");
        } else if (get && (m = STATIC.matcher(path)).matches()) {
            staticFile(response, callback, m.group(1));
        } else if (get && path.startsWith("/track/")) {
            track(response, callback, path.substring("/track/".length()));
        } else if (get && (m = DAY.matcher(path)).matches()) {
            sendJson(response, callback, 200, dispatch.driverDay(Ids.require(m.group(1), "driver id")));
        } else if (get && path.equals("/api/dispatch/overview")) {
            sendJson(response, callback, 200, dispatch.overview());
        } else if (get && path.equals("/api/dispatch/metrics")) {
            sendJson(response, callback, 200, dispatch.metrics());
        } else if (get && path.equals("/api/dispatch/map.svg")) {
            send(response, callback, 200, "image/svg+xml", dispatch.mapSvg().getBytes(StandardCharsets.UTF_8));
        } else if (get && (m = PROOF.matcher(path)).matches()) {
            proof(request, response, callback, m.group(1), ProofKind.valueOf(m.group(2).toUpperCase()));
        } else if (get && (m = STOP.matcher(path)).matches()) {
            sendJson(response, callback, 200, dispatch.stopDetail(Ids.require(m.group(1), "stop id")));
        } else if ("POST".equals(request.getMethod())) {
            post(request, response, callback, path);
        } else {
            problem(response, callback, 404, "NOT_FOUND", "No dispatch resource at " + request.getMethod() + " " + path);
        }
    }

    private void post(Request request, Response response, Callback callback, String path) throws Exception {
        Matcher m;
        if (path.equals("/api/dispatch/actions")) {
            JsonNode actions = body(request).path("actions");
            if (!actions.isArray()) {
                throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "The body has no \"actions\" array");
            }
            ObjectNode answer = json.createObjectNode();
            ArrayNode results = answer.putArray("results");
            for (JsonNode a : actions) {
                results.add(result(a));
            }
            sendJson(response, callback, 200, answer);
        } else if (path.equals("/api/dispatch/assign")) {
            ObjectNode answer = json.createObjectNode();
            dispatch.assignAll().forEach(answer.putObject("assigned")::put);
            sendJson(response, callback, 200, answer);
        } else if ((m = REASSIGN.matcher(path)).matches()) {
            dispatch.reassign(Ids.require(m.group(1), "route id"), driverOf(body(request)).orElseThrow(() ->
                    new DispatchException(DispatchErrorCode.INVALID_INPUT, "The body names no driverId")));
            sendJson(response, callback, 200, json.createObjectNode().put("routeId", m.group(1)));
        } else if ((m = PIN.matcher(path)).matches()) {
            String driver = driverOf(body(request)).orElseThrow(() ->
                    new DispatchException(DispatchErrorCode.INVALID_INPUT, "The body names no driverId"));
            sendJson(response, callback, 200, outcome(dispatch.pin(Ids.require(m.group(1), "stop id"), driver)));
        } else if (path.equals("/api/dispatch/stops")) {
            JsonNode body = body(request);
            sendJson(response, callback, 200, outcome(dispatch.addStop(ActionJson.order(body), driverOf(body))));
        } else {
            problem(response, callback, 404, "NOT_FOUND", "No dispatch resource at POST " + path);
        }
    }

    private ObjectNode result(JsonNode action) throws Exception {
        ActionResult r;
        try {
            r = dispatch.apply(ActionJson.action(action));
        } catch (DispatchException e) {
            r = new ActionResult(action.path("key").asText(), ActionResult.Outcome.REJECTED, e.code().name(),
                    e.getMessage());
        }
        return json.createObjectNode().put("key", r.key()).put("outcome", r.outcome().name()).put("code", r.code())
                .put("detail", r.detail());
    }

    private ObjectNode outcome(Replanner.Outcome o) {
        ObjectNode n = json.createObjectNode();
        o.routeByStop().forEach(n.putObject("routeByStop")::put);
        ArrayNode un = n.putArray("unassigned");
        o.unassigned().forEach(u -> un.addObject().put("stopId", u.jobId()).put("reason", u.reason().name())
                .put("detail", u.detail()));
        return n;
    }

    private static Optional<String> driverOf(JsonNode body) {
        return ActionJson.text(body, "driverId").map(d -> Ids.require(d, "driver id"));
    }

    private void track(Response response, Callback callback, String token) throws Exception {
        Optional<String> page = dispatch.trackingPage(token);
        if (page.isEmpty()) {
            // The same answer for a malformed, unknown or expired token: nothing to learn from it.
            send(response, callback, 404, "text/html; charset=utf-8",
                    "<!doctype html><title>Not found</title><p>Not found.".getBytes(StandardCharsets.UTF_8));
            return;
        }
        send(response, callback, 200, "text/html; charset=utf-8", page.get().getBytes(StandardCharsets.UTF_8));
    }

    private void proof(Request request, Response response, Callback callback, String stopId, ProofKind kind)
            throws Exception {
        JdbcProofStore.Proof p = dispatch.proof(Ids.require(stopId, "stop id"), kind).orElseThrow(() ->
                new DispatchException(DispatchErrorCode.NOT_FOUND, "Stop " + stopId + " has no " + kind.name()
                        .toLowerCase()));
        if (Request.extractQueryParameters(request).getValue("download") != null) {
            String ext = p.contentType().substring("image/".length()).replace("jpeg", "jpg");
            response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"" + stopId + "-"
                    + kind.name().toLowerCase() + "." + ext + "\"");
        }
        response.getHeaders().put("X-Wedge-Sha256", p.sha256());
        send(response, callback, 200, p.contentType(), p.data());
    }

    private void staticFile(Response response, Callback callback, String name) throws IOException {
        try (InputStream in = DispatchHandler.class.getResourceAsStream("/dispatch/" + name)) {
            if (in == null) {
                problem(response, callback, 404, "NOT_FOUND", "No file " + name);
                return;
            }
            String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                    : name.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : name.endsWith(".css") ? "text/css; charset=utf-8" : "application/json";
            send(response, callback, 200, type, in.readAllBytes());
        }
    }

    private JsonNode body(Request request) throws IOException {
        try (InputStream in = Request.asInputStream(request)) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "The body is larger than " + MAX_BODY
                        + " bytes");
            }
            try {
                JsonNode n = json.readTree(bytes);
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

    private void sendJson(Response response, Callback callback, int status, JsonNode body) throws IOException {
        send(response, callback, status, "application/json", json.writeValueAsBytes(body));
    }

    private void problem(Response response, Callback callback, int status, String code, String detail) {
        ObjectNode p = json.createObjectNode();
        p.put("type", "urn:wedge:problem:dispatch:" + code.toLowerCase());
        p.put("title", code);
        p.put("status", status);
        p.put("code", code);
        p.put("detail", detail);
        send(response, callback, status, "application/problem+json", p.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void send(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
