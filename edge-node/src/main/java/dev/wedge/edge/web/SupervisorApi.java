package dev.wedge.edge.web;

import static dev.wedge.edge.auth.Role.ADMIN;
import static dev.wedge.edge.auth.Role.PICKER;
import static dev.wedge.edge.auth.Role.SUPERVISOR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.app.FloorServices;
import dev.wedge.edge.floor.FloorException;
import dev.wedge.edge.inventory.Catalog;
import dev.wedge.edge.inventory.StockLedger;
import java.util.List;
import java.util.Set;

/** The supervisor's view: floor overview with live figures, charts, stock, cycle counts and location locks. */
final class SupervisorApi {

    /** Produces the node status document ({@code /api/status}). */
    @FunctionalInterface
    interface StatusSource {
        ObjectNode status() throws Exception;
    }

    private final FloorServices floor;
    private final FloorQueries queries;
    private final StatusSource status;
    private final List<String> printers;
    private final dev.wedge.edge.auth.Sessions sessions;
    private final SupervisorFeed feed;

    SupervisorApi(FloorServices floor, FloorQueries queries, StatusSource status, List<String> printers,
                  dev.wedge.edge.auth.Sessions sessions) {
        this.floor = floor;
        this.queries = queries;
        this.status = status;
        this.printers = List.copyOf(printers);
        this.sessions = sessions;
        this.feed = new SupervisorFeed(this::overview, floor.tx()::commitCount, sessions);
    }

    List<Route> routes() {
        Set<dev.wedge.edge.auth.Role> bosses = Set.of(SUPERVISOR, ADMIN);
        return List.of(
                Routes.get("/api/status", Routes.PUBLIC, "status",
                        "Node status: scanners, scans, labels, movements, outbox backlog", r -> status.status()),
                Routes.get("/api/supervisor/overview", bosses, "supervisor",
                        "Waves, short picks, printers, scanners, conveyor, sync backlog", r -> overview()),
                Routes.stream("/api/supervisor/stream", bosses, "supervisor", "The overview pushed as server-sent"
                        + " events: an 'overview' event (the whole overview as JSON) whenever it changes",
                        r -> feed.open(r.session())),
                Routes.get("/api/supervisor/charts", bosses, "supervisor", "Picks per hour and scan error rate",
                        r -> queries.charts(12)),
                Routes.get("/api/stock", bosses, "inventory", "On-hand, reserved and available per product, lot,"
                        + " location", r -> stock()),
                Routes.post("/api/locations/{code}/lock", Set.of(SUPERVISOR), "inventory", "Lock or unlock a location",
                        200, List.of("locked", "reason"), this::lock),
                Routes.post("/api/counts", Set.of(SUPERVISOR), "counting", "Start a cycle count of a location", 201,
                        List.of("location"), r -> floor.counts().start(r.text("location"))),
                Routes.get("/api/counts", Set.of(PICKER, SUPERVISOR), "counting", "Open counts (blind: no expected"
                        + " quantity)", r -> floor.counts().open()),
                Routes.post("/api/counts/{countId}/submit", Set.of(PICKER, SUPERVISOR), "counting",
                        "Submit a counted quantity; a difference asks for a recount", 200, List.of("quantity"),
                        r -> floor.counts().submit(r.longParam("countId"), r.integer("quantity"), r.badge())));
    }

    private ObjectNode overview() throws Exception {
        ObjectNode o = Json.MAPPER.createObjectNode();
        ObjectNode node = status.status();
        o.set("status", node);
        o.set("waves", Json.MAPPER.valueToTree(queries.waves()));
        o.set("followUps", queries.followUps(20));
        o.set("printers", queries.printers(printers));
        o.set("scanners", node.path("scanners"));
        o.set("handhelds", queries.handhelds());
        ObjectNode conveyor = o.putObject("conveyor");
        com.fasterxml.jackson.databind.JsonNode lines = node.path("conveyors");
        conveyor.put("available", lines.isArray() && !lines.isEmpty());
        if (lines.isArray() && !lines.isEmpty()) {
            conveyor.set("lines", lines);
        } else {
            conveyor.put("detail", "no conveyor line is configured on this node");
        }
        ObjectNode sync = o.putObject("sync");
        sync.set("outbox", node.path("outbox"));
        sync.set("inbound", node.path("inbound"));
        sync.set("conflicts", queries.openConflicts(20));
        o.put("sessions", sessions.active());
        return o;
    }

    private Object stock() throws Exception {
        return floor.tx().read(c -> new StockLedger().all(c).stream().map(r -> {
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.put("sku", r.sku()).put("lot", r.lot()).put("expiry", r.expiry() == null ? null : r.expiry().toString())
                    .put("location", r.location()).put("onHand", r.onHand()).put("reserved", r.reserved())
                    .put("available", r.available());
            return n;
        }).toList());
    }

    private Object lock(ApiRequest r) throws Exception {
        JsonNode locked = r.body().get("locked");
        if (locked == null || !locked.isBoolean()) {
            throw ApiException.badRequest("the body needs a boolean field 'locked'");
        }
        String code = r.param("code");
        return floor.tx().inTransaction(c -> {
            Catalog catalog = new Catalog();
            Catalog.Location loc = catalog.location(c, code).orElseThrow(() -> FloorException.notFound("location "
                    + code));
            catalog.setLocked(c, code, locked.asBoolean(), r.text("reason", "locked by " + r.badge()));
            return catalog.location(c, loc.code()).orElseThrow();
        });
    }
}
