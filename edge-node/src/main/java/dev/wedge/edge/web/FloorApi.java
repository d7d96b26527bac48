package dev.wedge.edge.web;

import static dev.wedge.edge.auth.Role.ADMIN;
import static dev.wedge.edge.auth.Role.PACKER;
import static dev.wedge.edge.auth.Role.PICKER;
import static dev.wedge.edge.auth.Role.SUPERVISOR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.app.FloorServices;
import dev.wedge.edge.picking.Order;
import dev.wedge.edge.picking.PickService;
import dev.wedge.edge.picking.ShortReason;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Orders, waves, picking and packing over REST. */
final class FloorApi {

    private final FloorServices floor;
    private final HandheldScans scans;
    private final FloorQueries queries;

    FloorApi(FloorServices floor, HandheldScans scans, FloorQueries queries) {
        this.floor = floor;
        this.scans = scans;
        this.queries = queries;
    }

    List<Route> routes() {
        Set<dev.wedge.edge.auth.Role> pickers = Set.of(PICKER, SUPERVISOR);
        return List.of(
                Routes.get("/api/orders", Set.of(PACKER, SUPERVISOR, ADMIN), "orders", "Orders and their progress",
                        r -> floor.orders().list()),
                Routes.post("/api/orders", Set.of(SUPERVISOR, ADMIN), "orders",
                        "Receive an order (HQ's sync inbox uses the same store)", 201,
                        List.of("orderId", "customer", "route", "stopSequence", "plannedDeparture", "dockDoor", "lines"),
                        this::receiveOrder),
                Routes.get("/api/waves", pickers, "picking", "Waves with pick progress", r -> queries.waves()),
                Routes.post("/api/waves", Set.of(SUPERVISOR), "picking",
                        "Build waves from new orders (by departure, route, dock door) and allocate FEFO", 201,
                        List.of(), r -> floor.waves().planWaves()),
                Routes.get("/api/waves/{waveId}/next-task", pickers, "picking",
                        "The next open pick task of a wave by pick sequence", this::nextTask),
                Routes.get("/api/pick-tasks/{taskId}", pickers, "picking", "One pick task",
                        r -> floor.picking().task(r.longParam("taskId"))),
                Routes.post("/api/pick-tasks/{taskId}/scans", Set.of(PICKER), "picking",
                        "Scan for a task: location, then item (GTIN or GS1 string), then quantity", 200,
                        List.of("scan"), this::pickScan),
                Routes.post("/api/pick-tasks/{taskId}/short", Set.of(PICKER), "picking",
                        "Close a task short with a reason (NOT_FOUND, DAMAGED, NO_ACCESS)", 200, List.of("reason"),
                        this::shortPick),
                Routes.post("/api/pack-units", Set.of(PACKER), "packing",
                        "Open a carton or pallet for the order of a scanned tote", 201, List.of("tote", "kind"),
                        r -> floor.packing().open(r.text("tote"), r.text("kind", "CARTON"), r.badge())),
                Routes.get("/api/pack-units/{unitId}", Set.of(PACKER, SUPERVISOR), "packing", "A pack unit",
                        r -> floor.packing().unit(r.longParam("unitId"))),
                Routes.post("/api/pack-units/{unitId}/scans", Set.of(PACKER), "packing", "Scan an item into the unit",
                        200, List.of("scan"), r -> floor.packing().scan(r.longParam("unitId"), scans.read(r))),
                Routes.post("/api/pack-units/{unitId}/close", Set.of(PACKER), "packing",
                        "Close the unit: SSCC, label printed, contents recorded", 200, List.of(),
                        r -> floor.packing().close(r.longParam("unitId"))));
    }

    private Object nextTask(ApiRequest r) throws Exception {
        long waveId = r.longParam("waveId");
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("waveId", waveId);
        n.set("task", Json.MAPPER.valueToTree(floor.picking().nextTask(waveId).orElse(null)));
        return n;
    }

    private Object pickScan(ApiRequest r) throws Exception {
        long taskId = r.longParam("taskId");
        PickService.ScanAccepted a = floor.picking().scan(taskId, r.badge(), scans.read(r));
        return a;
    }

    private Object shortPick(ApiRequest r) throws Exception {
        ShortReason reason;
        try {
            reason = ShortReason.valueOf(r.text("reason"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("reason must be NOT_FOUND, DAMAGED or NO_ACCESS");
        }
        return floor.picking().shortPick(r.longParam("taskId"), r.badge(), reason);
    }

    private Object receiveOrder(ApiRequest r) throws Exception {
        JsonNode lines = r.body().get("lines");
        if (lines == null || !lines.isArray()) {
            throw ApiException.badRequest("the body needs 'lines': [{\"sku\": ..., \"quantity\": ...}]");
        }
        List<Order.Line> parsed = new ArrayList<>();
        for (JsonNode l : lines) {
            parsed.add(new Order.Line(l.path("sku").asText(null), ApiRequest.integer(l.get("quantity"), "order line "
                    + (parsed.size() + 1) + " needs a whole number 'quantity', got " + l.get("quantity"))));
        }
        Instant departure;
        try {
            departure = Instant.parse(r.text("plannedDeparture"));
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("plannedDeparture must be an ISO-8601 instant like 2026-12-03T14:00:00Z");
        }
        Order order = new Order(r.text("orderId"), r.text("customer"), r.text("route"), r.integer("stopSequence"),
                departure, r.text("dockDoor"), parsed);
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("orderId", order.orderId());
        n.put("stored", floor.orders().receive(order));
        return n;
    }
}
