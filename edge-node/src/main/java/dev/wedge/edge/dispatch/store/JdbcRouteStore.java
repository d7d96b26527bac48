package dev.wedge.edge.dispatch.store;

import dev.wedge.edge.dispatch.model.DeliveryOrder;
import dev.wedge.edge.dispatch.model.GeoPoint;
import dev.wedge.edge.dispatch.model.ProofPolicy;
import dev.wedge.edge.dispatch.model.ProofRule;
import dev.wedge.edge.dispatch.model.RouteStatus;
import dev.wedge.edge.dispatch.model.StopStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL for routes, stops, drivers and customers. Every method works inside the caller's connection and never
 * commits; stateless and thread-safe.
 */
public final class JdbcRouteStore {
    private static final String STOP_COLUMNS = "stop_id, route_id, seq, customer_id, address, notes, lat, lon,"
            + " window_start, window_end, service_seconds, planned_arrival, eta, pinned_driver, status, arrived_at,"
            + " completed_at, fail_reason, fail_note, proof_warnings, late_alerted, eta_notified, tracking_token,"
            + " token_expires";
    private static final String ROUTE_COLUMNS = "route_id, vehicle_id, driver_id, depot_lat, depot_lon, status,"
            + " planned_start, planned_end, planned_distance_m, started_at, finished_at, actual_distance_m,"
            + " last_lat, last_lon";

    /** A driver and the shift the driver works today. */
    public record DriverRow(String driverId, String name, Instant shiftStart, Instant shiftEnd,
                            Optional<GeoPoint> lastPosition, Optional<Instant> lastSeen) {
    }

    /** A customer with contact and proof rules. */
    public record CustomerRow(String customerId, String name, Optional<String> email, ProofPolicy policy) {
    }

    public void upsertDriver(Connection c, String id, String name, Instant shiftStart, Instant shiftEnd)
            throws SQLException {
        if (update(c, "UPDATE dispatch_driver SET name = ?, shift_start = ?, shift_end = ? WHERE driver_id = ?",
                name, ts(shiftStart), ts(shiftEnd), id) == 0) {
            update(c, "INSERT INTO dispatch_driver (driver_id, name, shift_start, shift_end) VALUES (?, ?, ?, ?)",
                    id, name, ts(shiftStart), ts(shiftEnd));
        }
    }

    public void upsertCustomer(Connection c, String id, String name, String email, ProofPolicy p) throws SQLException {
        if (update(c, "UPDATE dispatch_customer SET name = ?, email = ?, signature_rule = ?, photo_rule = ?,"
                + " sscc_rule = ? WHERE customer_id = ?", name, email, p.signature().name(), p.photo().name(),
                p.sscc().name(), id) == 0) {
            update(c, "INSERT INTO dispatch_customer (customer_id, name, email, signature_rule, photo_rule, sscc_rule)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", id, name, email, p.signature().name(), p.photo().name(),
                    p.sscc().name());
        }
    }

    public List<DriverRow> drivers(Connection c) throws SQLException {
        List<DriverRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT driver_id, name, shift_start, shift_end, last_lat,"
                + " last_lon, last_seen FROM dispatch_driver ORDER BY driver_id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp seen = rs.getTimestamp(7);
                out.add(new DriverRow(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), point(rs, 5),
                        Optional.ofNullable(seen).map(Timestamp::toInstant)));
            }
        }
        return out;
    }

    public Optional<DriverRow> driver(Connection c, String id) throws SQLException {
        return drivers(c).stream().filter(d -> d.driverId().equals(id)).findFirst();
    }

    public Optional<CustomerRow> customer(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT customer_id, name, email, signature_rule, photo_rule,"
                + " sscc_rule FROM dispatch_customer WHERE customer_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CustomerRow(rs.getString(1), rs.getString(2),
                        Optional.ofNullable(rs.getString(3)), new ProofPolicy(ProofRule.valueOf(rs.getString(4)),
                        ProofRule.valueOf(rs.getString(5)), ProofRule.valueOf(rs.getString(6)))));
            }
        }
    }

    public void insertRoute(Connection c, String routeId, String vehicleId, GeoPoint depot, Instant start,
                            Instant end, double distance) throws SQLException {
        update(c, "INSERT INTO dispatch_route (route_id, vehicle_id, depot_lat, depot_lon, status, planned_start,"
                + " planned_end, planned_distance_m) VALUES (?, ?, ?, ?, 'PLANNED', ?, ?, ?)", routeId, vehicleId,
                depot.lat(), depot.lon(), ts(start), ts(end), distance);
    }

    public void insertStop(Connection c, String routeId, int seq, DeliveryOrder o, Instant plannedArrival,
                           String token, Instant expires) throws SQLException {
        update(c, "INSERT INTO dispatch_stop (stop_id, route_id, seq, customer_id, address, notes, lat, lon,"
                + " window_start, window_end, service_seconds, planned_arrival, eta, status, tracking_token,"
                + " token_expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)", o.stopId(),
                routeId, seq, o.customerId(), o.address(), o.notes(), o.point().lat(), o.point().lon(),
                ts(o.windowStart()), ts(o.windowEnd()), o.serviceSeconds(), ts(plannedArrival), ts(plannedArrival),
                token, ts(expires));
        for (String sscc : o.ssccs()) {
            update(c, "INSERT INTO dispatch_stop_package (stop_id, sscc) VALUES (?, ?)", o.stopId(), sscc);
        }
    }

    public List<RouteRow> routes(Connection c) throws SQLException {
        return routes(c, "SELECT " + ROUTE_COLUMNS + " FROM dispatch_route ORDER BY planned_start, route_id");
    }

    public Optional<RouteRow> route(Connection c, String routeId) throws SQLException {
        return routes(c, "SELECT " + ROUTE_COLUMNS + " FROM dispatch_route WHERE route_id = ?", routeId).stream()
                .findFirst();
    }

    public List<RouteRow> routesOf(Connection c, String driverId) throws SQLException {
        return routes(c, "SELECT " + ROUTE_COLUMNS + " FROM dispatch_route WHERE driver_id = ?"
                + " ORDER BY planned_start, route_id", driverId);
    }

    public List<StopRow> stops(Connection c, String routeId) throws SQLException {
        return stops(c, "SELECT " + STOP_COLUMNS + " FROM dispatch_stop WHERE route_id = ? ORDER BY seq", routeId);
    }

    public Optional<StopRow> stop(Connection c, String stopId) throws SQLException {
        return stops(c, "SELECT " + STOP_COLUMNS + " FROM dispatch_stop WHERE stop_id = ?", stopId).stream()
                .findFirst();
    }

    /** Locks the stop's row for the rest of the transaction, so two actions on one stop queue behind each other. */
    public Optional<StopRow> stopForUpdate(Connection c, String stopId) throws SQLException {
        update(c, "UPDATE dispatch_stop SET seq = seq WHERE stop_id = ?", stopId);
        return stop(c, stopId);
    }

    public Optional<StopRow> stopByToken(Connection c, String token) throws SQLException {
        return stops(c, "SELECT " + STOP_COLUMNS + " FROM dispatch_stop WHERE tracking_token = ?", token).stream()
                .findFirst();
    }

    public List<String> packages(Connection c, String stopId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT sscc FROM dispatch_stop_package WHERE stop_id = ? ORDER BY sscc")) {
            ps.setString(1, stopId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Runs one UPDATE/INSERT with positional parameters (nulls allowed) and returns the row count. */
    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null) {
                    ps.setNull(i + 1, ps.getParameterMetaData().getParameterType(i + 1));
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            return ps.executeUpdate();
        }
    }

    public static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private List<RouteRow> routes(Connection c, String sql, Object... args) throws SQLException {
        List<RouteRow> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new RouteRow(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                        new GeoPoint(rs.getDouble(4), rs.getDouble(5)), RouteStatus.valueOf(rs.getString(6)),
                        instant(rs, 7).orElseThrow(), instant(rs, 8).orElseThrow(), rs.getDouble(9), instant(rs, 10),
                        instant(rs, 11), rs.getDouble(12), point(rs, 13)));
            }
        }
        return out;
    }

    private List<StopRow> stops(Connection c, String sql, Object... args) throws SQLException {
        List<StopRow> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StopRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), new GeoPoint(rs.getDouble(7), rs.getDouble(8)), instant(rs, 9).orElseThrow(),
                        instant(rs, 10).orElseThrow(), rs.getInt(11), instant(rs, 12).orElseThrow(), instant(rs, 13),
                        Optional.ofNullable(rs.getString(14)), StopStatus.valueOf(rs.getString(15)), instant(rs, 16),
                        instant(rs, 17), Optional.ofNullable(rs.getString(18)), Optional.ofNullable(rs.getString(19)),
                        Optional.ofNullable(rs.getString(20)), rs.getInt(21) == 1, rs.getInt(22) == 1,
                        rs.getString(23), instant(rs, 24).orElseThrow()));
            }
        }
        return out;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private static Optional<Instant> instant(ResultSet rs, int col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? Optional.empty() : Optional.of(t.toInstant());
    }

    private static Optional<GeoPoint> point(ResultSet rs, int col) throws SQLException {
        double lat = rs.getDouble(col);
        if (rs.wasNull()) {
            return Optional.empty();
        }
        return Optional.of(new GeoPoint(lat, rs.getDouble(col + 1)));
    }

    /**
     * Proof warnings as the stop row's 500-character column holds them, marked as cut: a big stop's list of
     * unscanned SSCCs can be longer, and a value too long would fail the stop's update inside Derby.
     */
    public static String fittedWarnings(String warnings) {
        return warnings == null || warnings.length() <= 500 ? warnings : warnings.substring(0, 499) + "\u2026";
    }
}
