package dev.wedge.edge.dispatch.web;

import static dev.wedge.edge.auth.Role.ADMIN;
import static dev.wedge.edge.auth.Role.DRIVER;
import static dev.wedge.edge.auth.Role.SUPERVISOR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.auth.Role;
import dev.wedge.edge.auth.Sessions;
import dev.wedge.edge.dispatch.Dispatch;
import dev.wedge.edge.dispatch.driver.ActionResult;
import dev.wedge.edge.dispatch.model.DispatchErrorCode;
import dev.wedge.edge.dispatch.model.DispatchException;
import dev.wedge.edge.dispatch.model.Ids;
import dev.wedge.edge.dispatch.model.ProofKind;
import dev.wedge.edge.dispatch.plan.Replanner;
import dev.wedge.edge.dispatch.store.JdbcProofStore;
import dev.wedge.edge.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.Request;

/**
 * Dispatch's endpoint table: who may call what. Drivers see and act on their own day only; dispatcher actions
 * (assign, reassign, pin, same-day additions) and the supervisor's views need a supervisor or an admin; the
 * customer's tracking page is public by its token.
 */
final class DispatchApi {
    static final Set<Role> PUBLIC = Set.of();
    static final Set<Role> ANYONE = Set.of(Role.values());
    static final Set<Role> DISPATCHER = Set.of(SUPERVISOR, ADMIN);
    static final Set<Role> DRIVER_OR_DISPATCHER = Set.of(DRIVER, SUPERVISOR, ADMIN);

    private final Dispatch dispatch;
    private final DispatchAccess access;
    private final DriverActionSink sink;
    private final ObjectMapper json;
    private final List<Endpoint> endpoints;

    /** @param dispatcher whether to offer the dispatcher's endpoints (not at HQ, which only relays drivers) */
    DispatchApi(Dispatch dispatch, DispatchAccess access, DriverActionSink sink, ObjectMapper json, boolean dispatcher) {
        this.dispatch = dispatch;
        this.access = access;
        this.sink = sink;
        this.json = json;
        List<Endpoint> all = new ArrayList<>(List.of(
                post("/api/dispatch/session", PUBLIC, "Log in with badge and PIN", List.of(400, 401, 429), this::login),
                get("/api/dispatch/session", ANYONE, "The logged-in person and the CSRF token", this::describe),
                new Endpoint("DELETE", "/api/dispatch/session", ANYONE, "Log out", List.of(401, 403), this::logout),
                get("/api/dispatch/openapi.json", PUBLIC, "This document", c -> jsonReply(200,
                        DispatchOpenApi.build(endpoints(), json))),
                get("/track/{token}", PUBLIC, "A customer's tracking page (404 for a wrong or expired token)",
                        c -> track(c.param(0))),
                get("/api/dispatch/drivers/{driverId}/day", DRIVER_OR_DISPATCHER, "A driver's routes and stops today",
                        this::day),
                post("/api/dispatch/actions", Set.of(DRIVER), "Driver actions, each applied once by its key",
                        List.of(400, 401, 403), this::actions)));
        if (dispatcher) {
            all.addAll(dispatcherEndpoints());
        }
        this.endpoints = List.copyOf(all);
    }

    List<Endpoint> endpoints() {
        return endpoints;
    }

    private List<Endpoint> dispatcherEndpoints() {
        return List.of(
                get("/api/dispatch/overview", DISPATCHER, "Every route and stop with ETAs and alerts",
                        c -> jsonReply(200, dispatch.overview())),
                get("/api/dispatch/metrics", DISPATCHER, "On-time rate, planned vs actual, failures by reason",
                        c -> jsonReply(200, dispatch.metrics())),
                get("/api/dispatch/map.svg", DISPATCHER, "The plan with each truck's position (SVG)",
                        c -> new Endpoint.Reply(200, "image/svg+xml", bytes(dispatch.mapSvg()))),
                get("/api/dispatch/stops/{stopId}", DISPATCHER, "One stop with its proof of delivery",
                        c -> jsonReply(200, dispatch.stopDetail(Ids.require(c.param(0), "stop id")))),
                get("/api/dispatch/stops/{stopId}/proof/{kind}", DISPATCHER, "A stop's signature or photo",
                        this::proof),
                post("/api/dispatch/assign", DISPATCHER, "Assign every unassigned route", List.of(401, 403, 409),
                        c -> assign()),
                post("/api/dispatch/routes/{routeId}/driver", DISPATCHER, "Reassign a route to a driver",
                        List.of(400, 401, 403, 404, 409), this::reassign),
                post("/api/dispatch/stops/{stopId}/pin", DISPATCHER, "Pin a stop to a driver and re-plan",
                        List.of(400, 401, 403, 404, 409), this::pin),
                post("/api/dispatch/stops", DISPATCHER, "Add a same-day stop and re-plan",
                        List.of(400, 401, 403, 404, 409), this::addStop));
    }

    private static Endpoint get(String path, Set<Role> roles, String summary, Endpoint.Serve serve) {
        List<Integer> statuses = new ArrayList<>();
        if (path.contains("{")) {
            statuses.add(400);
            statuses.add(404);
        }
        if (!roles.isEmpty()) {
            statuses.add(401);
            statuses.add(403);
        }
        return new Endpoint("GET", path, roles, summary, statuses, serve);
    }

    private static Endpoint post(String path, Set<Role> roles, String summary, List<Integer> statuses,
                                 Endpoint.Serve serve) {
        return new Endpoint("POST", path, roles, summary, statuses, serve);
    }

    private Endpoint.Reply login(Endpoint.Call c) throws Exception {
        JsonNode body = DispatchHandler.body(c.request(), json);
        String badge = ActionJson.text(body, "badge").orElseThrow(() -> ApiException.badRequest(
                "the body needs a text field 'badge'"));
        String pin = ActionJson.text(body, "pin").orElseThrow(() -> ApiException.badRequest(
                "the body needs a text field 'pin'"));
        Sessions.Session s = access.open(badge, pin.toCharArray());
        return new Endpoint.Reply(201, "application/json", json.writeValueAsBytes(session(s)),
                Map.of("Set-Cookie", access.setCookie(s)));
    }

    private Endpoint.Reply describe(Endpoint.Call c) throws Exception {
        return jsonReply(200, session(c.session()));
    }

    private Endpoint.Reply logout(Endpoint.Call c) {
        access.close(c.session());
        return new Endpoint.Reply(204, "application/json", new byte[0], Map.of("Set-Cookie", access.clearCookie()));
    }

    private ObjectNode session(Sessions.Session s) {
        return json.createObjectNode().put("badge", s.user().badge()).put("name", s.user().name())
                .put("role", s.user().role().wire()).put("csrfToken", s.csrfToken())
                .put("idleTimeoutSeconds", access.idleSeconds());
    }

    private Endpoint.Reply day(Endpoint.Call c) throws Exception {
        String driver = Ids.require(c.param(0), "driver id");
        if (c.session().user().role() == DRIVER && !driver.equals(c.session().user().badge())) {
            throw new ApiException(403, "forbidden", "a driver sees only their own day; you are driver "
                    + c.session().user().badge());
        }
        return jsonReply(200, dispatch.driverDay(driver));
    }

    private Endpoint.Reply actions(Endpoint.Call c) throws Exception {
        JsonNode actions = DispatchHandler.body(c.request(), json).path("actions");
        if (!actions.isArray()) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "The body has no \"actions\" array");
        }
        String badge = c.session().user().badge();
        ObjectNode answer = json.createObjectNode();
        ArrayNode results = answer.putArray("results");
        for (JsonNode a : actions) {
            results.add(result(a, badge));
        }
        return jsonReply(200, answer);
    }

    private ObjectNode result(JsonNode action, String badge) throws Exception {
        ActionResult r;
        String key = action.path("key").asText();
        Optional<String> driver = action.isObject() ? ActionJson.text(action, "driverId") : Optional.empty();
        if (driver.isPresent() && !driver.get().equals(badge)) {
            r = new ActionResult(key, ActionResult.Outcome.REJECTED, DispatchErrorCode.NOT_YOUR_STOP.name(),
                    "This session is driver " + badge + "'s; an action of driver " + driver.get() + " is not taken");
        } else {
            try {
                JsonNode own = action.isObject() ? ((ObjectNode) action.deepCopy()).put("driverId", badge) : action;
                r = sink.submit(ActionJson.action(own), own);
            } catch (DispatchException e) {
                r = new ActionResult(key, ActionResult.Outcome.REJECTED, e.code().name(), e.getMessage());
            }
        }
        return json.createObjectNode().put("key", r.key()).put("outcome", r.outcome().name()).put("code", r.code())
                .put("detail", r.detail());
    }

    private Endpoint.Reply assign() throws Exception {
        ObjectNode answer = json.createObjectNode();
        dispatch.assignAll().forEach(answer.putObject("assigned")::put);
        return jsonReply(200, answer);
    }

    private Endpoint.Reply reassign(Endpoint.Call c) throws Exception {
        String route = Ids.require(c.param(0), "route id");
        dispatch.reassign(route, driverOf(DispatchHandler.body(c.request(), json)));
        return jsonReply(200, json.createObjectNode().put("routeId", route));
    }

    private Endpoint.Reply pin(Endpoint.Call c) throws Exception {
        String driver = driverOf(DispatchHandler.body(c.request(), json));
        return jsonReply(200, outcome(dispatch.pin(Ids.require(c.param(0), "stop id"), driver)));
    }

    private Endpoint.Reply addStop(Endpoint.Call c) throws Exception {
        JsonNode body = DispatchHandler.body(c.request(), json);
        return jsonReply(200, outcome(dispatch.addStop(ActionJson.order(body), ActionJson.text(body, "driverId")
                .map(d -> Ids.require(d, "driver id")))));
    }

    private static String driverOf(JsonNode body) {
        return ActionJson.text(body, "driverId").map(d -> Ids.require(d, "driver id")).orElseThrow(() ->
                new DispatchException(DispatchErrorCode.INVALID_INPUT, "The body names no driverId"));
    }

    private ObjectNode outcome(Replanner.Outcome o) {
        ObjectNode n = json.createObjectNode();
        o.routeByStop().forEach(n.putObject("routeByStop")::put);
        ArrayNode un = n.putArray("unassigned");
        o.unassigned().forEach(u -> un.addObject().put("stopId", u.jobId()).put("reason", u.reason().name())
                .put("detail", u.detail()));
        return n;
    }

    private Endpoint.Reply track(String token) throws Exception {
        Optional<String> page = dispatch.trackingPage(token);
        // The same answer for a malformed, unknown or expired token: nothing to learn from it.
        return page.map(p -> new Endpoint.Reply(200, "text/html; charset=utf-8", bytes(p)))
                .orElseGet(DispatchApi::noTrackingPage);
    }

    /** The answer to every tracking link that shows nothing. */
    static Endpoint.Reply noTrackingPage() {
        return new Endpoint.Reply(404, "text/html; charset=utf-8",
                bytes("<!doctype html><title>Not found</title><p>Not found."));
    }

    private Endpoint.Reply proof(Endpoint.Call c) throws Exception {
        String stopId = Ids.require(c.param(0), "stop id");
        ProofKind kind = switch (c.param(1)) {
            case "signature" -> ProofKind.SIGNATURE;
            case "photo" -> ProofKind.PHOTO;
            default -> throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "Proof kind '" + c.param(1)
                    + "' is not signature or photo");
        };
        JdbcProofStore.Proof p = dispatch.proof(stopId, kind).orElseThrow(() -> new DispatchException(
                DispatchErrorCode.NOT_FOUND, "Stop " + stopId + " has no " + kind.name().toLowerCase()));
        Map<String, String> headers = new java.util.HashMap<>(Map.of("X-Wedge-Sha256", p.sha256()));
        if (Request.extractQueryParameters(c.request()).getValue("download") != null) {
            String ext = p.contentType().substring("image/".length()).replace("jpeg", "jpg");
            headers.put("Content-Disposition", "attachment; filename=\"" + stopId + "-" + kind.name().toLowerCase()
                    + "." + ext + "\"");
        }
        return new Endpoint.Reply(200, p.contentType(), p.data(), headers);
    }

    private Endpoint.Reply jsonReply(int status, JsonNode body) throws Exception {
        return new Endpoint.Reply(status, "application/json", json.writeValueAsBytes(body));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
