package dev.wedge.edge.web;

import static dev.wedge.edge.auth.Role.DOCK;
import static dev.wedge.edge.auth.Role.SUPERVISOR;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wedge.edge.app.FloorServices;
import dev.wedge.edge.inbound.InboundService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Trucks and loading, advance notices and receiving, putaway: the dock's endpoints. */
final class DockApi {

    private final FloorServices floor;
    private final HandheldScans scans;

    DockApi(FloorServices floor, HandheldScans scans) {
        this.floor = floor;
        this.scans = scans;
    }

    List<Route> routes() {
        Set<dev.wedge.edge.auth.Role> dock = Set.of(DOCK, SUPERVISOR);
        return List.of(
                Routes.get("/api/trucks", dock, "loading", "Trucks and their load sequences",
                        r -> floor.loading().trucks()),
                Routes.post("/api/trucks", Set.of(SUPERVISOR), "loading", "Register a truck for a route departure",
                        201, List.of("truckId", "route", "dockDoor", "plannedDeparture"),
                        r -> floor.loading().addTruck(r.text("truckId"), r.text("route"), r.text("dockDoor"),
                                instant(r.text("plannedDeparture")))),
                Routes.get("/api/trucks/{truckId}", dock, "loading", "One truck and the pallet expected next",
                        r -> floor.loading().truck(r.param("truckId"))),
                Routes.post("/api/trucks/{truckId}/plan", dock, "loading",
                        "Add the route's closed pallets to the load sequence, last stop first", 200, List.of(),
                        r -> floor.loading().planLoad(r.param("truckId"))),
                Routes.post("/api/trucks/{truckId}/scans", Set.of(DOCK), "loading",
                        "Scan a pallet SSCC at the dock door", 200, List.of("scan"),
                        r -> floor.loading().scan(r.param("truckId"), r.badge(), scans.read(r))),
                Routes.get("/api/asns", dock, "receiving", "Advance notices still expecting pallets",
                        r -> floor.inbound().openNotices()),
                Routes.post("/api/asns", Set.of(SUPERVISOR), "receiving", "Store an advance shipping notice", 201,
                        List.of("asnId", "supplier", "expectedOn", "units"), this::addNotice),
                Routes.get("/api/asns/{asnId}", dock, "receiving", "One advance notice and what was received",
                        r -> floor.inbound().notice(r.param("asnId"))),
                Routes.post("/api/asns/{asnId}/scans", Set.of(DOCK), "receiving",
                        "Receive an inbound pallet by its SSCC", 200, List.of("scan"),
                        r -> floor.inbound().receive(r.param("asnId"), scans.read(r))),
                Routes.get("/api/putaway/{sscc}", dock, "putaway", "Where to put a received pallet",
                        r -> floor.inbound().suggest(r.param("sscc"))),
                Routes.post("/api/putaway/{sscc}/scans", Set.of(DOCK), "putaway",
                        "Scan the location the pallet was put at", 200, List.of("scan"),
                        r -> floor.inbound().putAway(r.param("sscc"), scans.read(r))));
    }

    private Object addNotice(ApiRequest r) throws Exception {
        JsonNode units = r.body().get("units");
        if (units == null || !units.isArray() || units.isEmpty()) {
            throw ApiException.badRequest("the body needs 'units': [{sscc, sku, lot, expiry, quantity}]");
        }
        List<InboundService.NoticeUnit> parsed = new ArrayList<>();
        for (JsonNode u : units) {
            String expiry = u.path("expiry").asText("");
            parsed.add(new InboundService.NoticeUnit(u.path("sscc").asText(), u.path("sku").asText(),
                    u.path("lot").asText(""), expiry.isEmpty() ? null : date(expiry), ApiRequest.integer(u.get("quantity"),
                    "unit " + (parsed.size() + 1) + " needs a whole number 'quantity', got " + u.get("quantity"))));
        }
        String asnId = r.text("asnId");
        floor.inbound().addNotice(asnId, r.text("supplier"), date(r.text("expectedOn")), parsed);
        return floor.inbound().notice(asnId);
    }

    private static Instant instant(String text) throws ApiException {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + text + "' is not an ISO-8601 instant like 2026-12-03T14:00:00Z");
        }
    }

    private static LocalDate date(String text) throws ApiException {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + text + "' is not a date like 2026-12-03");
        }
    }
}
