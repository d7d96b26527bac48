package dev.wedge.edge.dispatch.hq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wedge.edge.dispatch.model.ProofPolicy;
import dev.wedge.edge.dispatch.model.ProofRule;
import dev.wedge.edge.dispatch.store.JdbcRouteStore;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Applies one synced dispatch event of a warehouse to HQ's copy of its dispatch tables (the same {@code db/dispatch}
 * tables the edge has), so HQ serves the driver app, the map and the metrics with the edge's own code. Route sheets
 * set routes and stops; the drivers' events set what happened on the road; the edge's numbers are taken as sent
 * (HQ computes nothing of its own). Events are applied in the warehouse's sequence order.
 */
final class HqEventApplier {
    private final JdbcRouteStore routes = new JdbcRouteStore();
    private final SecureRandom random = new SecureRandom();

    void apply(Connection c, String kind, JsonNode p) throws SQLException {
        Instant at = Instant.parse(p.path("at").asText());
        switch (kind) {
            case "dispatch.route-sheet" -> sheet(c, p);
            case "dispatch.route-started" -> update(c, "UPDATE dispatch_route SET status = 'STARTED', started_at = ?"
                    + " WHERE route_id = ?", ts(at), p.path("routeId").asText());
            case "dispatch.route-finished" -> update(c, "UPDATE dispatch_route SET status = 'FINISHED',"
                    + " finished_at = ?, actual_distance_m = ? WHERE route_id = ?", ts(at),
                    p.path("actualDistanceM").asDouble(), p.path("routeId").asText());
            case "dispatch.arrived" -> stopDone(c, p, "ARRIVED", at);
            case "dispatch.delivered", "dispatch.failed" -> stopDone(c, p, kind.equals("dispatch.delivered")
                    ? "DELIVERED" : "FAILED", at);
            case "dispatch.position" -> position(c, p, at);
            case "dispatch.alert" -> update(c, "INSERT INTO dispatch_alert (route_id, stop_id, kind, message,"
                    + " raised_at) VALUES (?, ?, ?, ?, ?)", p.path("routeId").asText(), p.path("stopId").asText(null),
                    p.path("kind").asText(), p.path("message").asText(), ts(at));
            case "dispatch.action" -> action(c, p, at);
            case "dispatch.driver-credential" -> credential(c, p);
            default -> {
                // assigned, replanned, route-planned: their effect arrives in the route sheet that follows.
            }
        }
    }

    private void sheet(Connection c, JsonNode p) throws SQLException {
        JsonNode d = p.path("driver");
        if (d.isObject()) {
            routes.upsertDriver(c, d.path("driverId").asText(), d.path("name").asText(),
                    Instant.parse(d.path("shiftStart").asText()), Instant.parse(d.path("shiftEnd").asText()));
        }
        String routeId = p.path("routeId").asText();
        Object[] route = {p.path("vehicleId").asText(), d.isObject() ? d.path("driverId").asText() : null,
            p.path("depot").path("lat").asDouble(), p.path("depot").path("lon").asDouble(), p.path("status").asText(),
            ts(p, "plannedStart"), ts(p, "plannedEnd"), p.path("plannedDistanceM").asDouble(), routeId};
        if (update(c, "UPDATE dispatch_route SET vehicle_id = ?, driver_id = ?, depot_lat = ?, depot_lon = ?,"
                + " status = ?, planned_start = ?, planned_end = ?, planned_distance_m = ? WHERE route_id = ?",
                route) == 0) {
            update(c, "INSERT INTO dispatch_route (vehicle_id, driver_id, depot_lat, depot_lon, status,"
                    + " planned_start, planned_end, planned_distance_m, route_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    route);
        }
        for (JsonNode s : p.path("stops")) {
            stop(c, routeId, s);
        }
    }

    private void stop(Connection c, String routeId, JsonNode s) throws SQLException {
        JsonNode cu = s.path("customer");
        routes.upsertCustomer(c, cu.path("customerId").asText(), cu.path("name").asText(), null, new ProofPolicy(
                ProofRule.valueOf(cu.path("signature").asText()), ProofRule.valueOf(cu.path("photo").asText()),
                ProofRule.valueOf(cu.path("sscc").asText())));
        String stopId = s.path("stopId").asText();
        Object[] row = {routeId, s.path("seq").asInt(), cu.path("customerId").asText(), s.path("address").asText(),
            s.path("notes").asText(), s.path("lat").asDouble(), s.path("lon").asDouble(), ts(s, "windowStart"),
            ts(s, "windowEnd"), s.path("serviceSeconds").asInt(), ts(s, "plannedArrival"),
            s.hasNonNull("eta") ? ts(s, "eta") : null, s.path("status").asText(), stopId};
        if (update(c, "UPDATE dispatch_stop SET route_id = ?, seq = ?, customer_id = ?, address = ?, notes = ?,"
                + " lat = ?, lon = ?, window_start = ?, window_end = ?, service_seconds = ?, planned_arrival = ?,"
                + " eta = ?, status = ? WHERE stop_id = ?", row) == 0) {
            // HQ shows no tracking pages (customers use the warehouse's links): a token nobody is given fills the
            // column, expiring with the window.
            Object[] insert = java.util.Arrays.copyOf(row, row.length + 2);
            insert[row.length] = token();
            insert[row.length + 1] = Timestamp.from(Instant.parse(s.path("windowEnd").asText()).plus(Duration.ofDays(1)));
            update(c, "INSERT INTO dispatch_stop (route_id, seq, customer_id, address, notes, lat, lon, window_start,"
                    + " window_end, service_seconds, planned_arrival, eta, status, stop_id, tracking_token,"
                    + " token_expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", insert);
        }
        update(c, "DELETE FROM dispatch_stop_package WHERE stop_id = ?", stopId);
        for (JsonNode sscc : s.path("packages")) {
            update(c, "INSERT INTO dispatch_stop_package (stop_id, sscc) VALUES (?, ?)", stopId, sscc.asText());
        }
    }

    private static void stopDone(Connection c, JsonNode p, String status, Instant at) throws SQLException {
        String stopId = p.path("stopId").asText();
        if (status.equals("ARRIVED")) {
            update(c, "UPDATE dispatch_stop SET status = 'ARRIVED', arrived_at = ? WHERE stop_id = ?", ts(at), stopId);
        } else {
            update(c, "UPDATE dispatch_stop SET status = ?, arrived_at = COALESCE(arrived_at, ?), completed_at = ?,"
                    + " fail_reason = ?, fail_note = ?, proof_warnings = ?, eta = NULL WHERE stop_id = ?", status,
                    ts(at), ts(at), p.path("reason").asText(null), p.path("note").asText(null),
                    JdbcRouteStore.fittedWarnings(p.path("warnings").asText(null)), stopId);
        }
        update(c, "UPDATE dispatch_route SET last_lat = (SELECT lat FROM dispatch_stop WHERE stop_id = ?),"
                + " last_lon = (SELECT lon FROM dispatch_stop WHERE stop_id = ?) WHERE route_id = ?", stopId, stopId,
                p.path("routeId").asText());
    }

    private static void position(Connection c, JsonNode p, Instant at) throws SQLException {
        String driver = p.path("driverId").asText();
        String route = p.path("routeId").asText(null);
        update(c, "INSERT INTO dispatch_position (driver_id, route_id, lat, lon, recorded_at) VALUES (?, ?, ?, ?, ?)",
                driver, route, p.path("lat").asDouble(), p.path("lon").asDouble(), ts(at));
        if (p.hasNonNull("key")) {
            logAction(c, p.path("key").asText(), driver, "POSITION", null, true, "position", at);
        }
        if (p.has("ignored")) {
            return;
        }
        update(c, "UPDATE dispatch_driver SET last_lat = ?, last_lon = ?, last_seen = ? WHERE driver_id = ?",
                p.path("lat").asDouble(), p.path("lon").asDouble(), ts(at), driver);
        if (route != null) {
            update(c, "UPDATE dispatch_route SET last_lat = ?, last_lon = ? WHERE route_id = ?",
                    p.path("lat").asDouble(), p.path("lon").asDouble(), route);
        }
        for (JsonNode e : p.path("etas")) {
            update(c, "UPDATE dispatch_stop SET eta = ? WHERE stop_id = ?", ts(e, "eta"), e.path("stopId").asText());
        }
    }

    private static void action(Connection c, JsonNode p, Instant at) throws SQLException {
        boolean applied = "APPLIED".equals(p.path("outcome").asText());
        String detail = applied ? p.path("detail").asText() : p.path("code").asText() + ": " + p.path("detail").asText();
        logAction(c, p.path("key").asText(), p.path("driverId").asText(), p.path("type").asText(),
                p.path("stopId").asText(null), applied, detail, at);
    }

    private static void logAction(Connection c, String key, String driver, String type, String stop, boolean applied,
                                  String detail, Instant at) throws SQLException {
        if (update(c, "UPDATE dispatch_action SET outcome = outcome WHERE idem_key = ?", key) == 0) {
            update(c, "INSERT INTO dispatch_action (idem_key, driver_id, kind, stop_id, outcome, detail, applied_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", key, driver, type, stop, applied ? "APPLIED" : "REJECTED",
                    detail.length() > 500 ? detail.substring(0, 500) : detail, ts(at));
        }
    }

    private static void credential(Connection c, JsonNode p) throws SQLException {
        Object[] row = {p.path("name").asText(), p.path("pinHash").asText(), p.path("pinSalt").asText(),
            p.path("iterations").asInt(), p.path("active").asBoolean(), p.path("badge").asText()};
        if (update(c, "UPDATE dispatch_hq_credential SET name = ?, pin_hash = ?, pin_salt = ?, iterations = ?,"
                + " active = ? WHERE badge = ?", row) == 0) {
            update(c, "INSERT INTO dispatch_hq_credential (name, pin_hash, pin_salt, iterations, active, badge)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", row);
        }
    }

    private String token() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static Timestamp ts(JsonNode n, String field) {
        return Timestamp.from(Instant.parse(n.path(field).asText()));
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        return JdbcRouteStore.update(c, sql, args);
    }
}
