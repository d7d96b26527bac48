package dev.wedge.edge.dispatch.store;

import static dev.wedge.edge.dispatch.store.JdbcRouteStore.ts;
import static dev.wedge.edge.dispatch.store.JdbcRouteStore.update;

import dev.wedge.edge.dispatch.model.GeoPoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL for what arrives from the road: the idempotency log of driver actions, reported positions, and alerts.
 * Never commits.
 */
public final class JdbcActionLog {
    private static final String DUPLICATE_KEY = "23505";

    /** The stored answer to an action key. */
    public record Logged(String key, String driverId, String kind, Optional<String> stopId, boolean applied,
                         String detail) {

        /** Whether the logged action is the same driver doing the same kind of thing at the same stop. */
        public boolean sameAction(String otherDriver, String otherKind, Optional<String> otherStop) {
            return driverId.equals(otherDriver) && kind.equals(otherKind) && stopId.equals(otherStop);
        }
    }

    /** A raised alert. */
    public record Alert(long alertId, String routeId, Optional<String> stopId, String kind, String message,
                        Instant raisedAt) {
    }

    /**
     * Claims an action key inside the transaction. Returns false when the key is already logged (by this or a
     * concurrent transaction that committed first); the primary key serialises concurrent claims of one key.
     */
    public boolean claim(Connection c, String key, String driverId, String kind, String stopId, boolean applied,
                         String detail, Instant at) throws SQLException {
        try {
            update(c, "INSERT INTO dispatch_action (idem_key, driver_id, kind, stop_id, outcome, detail, applied_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", key, driverId, kind, stopId, applied ? "APPLIED" : "REJECTED",
                    detail.length() > 500 ? detail.substring(0, 500) : detail, ts(at));
            return true;
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Replaces the detail of a claimed key (the sentence the action's outcome is answered with). */
    public void setDetail(Connection c, String key, String detail) throws SQLException {
        update(c, "UPDATE dispatch_action SET detail = ? WHERE idem_key = ?",
                detail.length() > 500 ? detail.substring(0, 500) : detail, key);
    }

    public Optional<Logged> logged(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT driver_id, kind, stop_id, outcome, detail FROM dispatch_action WHERE idem_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Logged(key, rs.getString(1), rs.getString(2),
                        Optional.ofNullable(rs.getString(3)), "APPLIED".equals(rs.getString(4)), rs.getString(5)));
            }
        }
    }

    public void insertPosition(Connection c, String driverId, String routeId, GeoPoint p, Instant at)
            throws SQLException {
        update(c, "INSERT INTO dispatch_position (driver_id, route_id, lat, lon, recorded_at) VALUES (?, ?, ?, ?, ?)",
                driverId, routeId, p.lat(), p.lon(), ts(at));
    }

    /** The positions of a route in the order they were recorded. */
    public List<GeoPoint> track(Connection c, String routeId) throws SQLException {
        List<GeoPoint> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT lat, lon FROM dispatch_position WHERE route_id = ?"
                + " ORDER BY recorded_at, position_id")) {
            ps.setString(1, routeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new GeoPoint(rs.getDouble(1), rs.getDouble(2)));
                }
            }
        }
        return out;
    }

    public void insertAlert(Connection c, String routeId, String stopId, String kind, String message, Instant at)
            throws SQLException {
        update(c, "INSERT INTO dispatch_alert (route_id, stop_id, kind, message, raised_at) VALUES (?, ?, ?, ?, ?)",
                routeId, stopId, kind, message, ts(at));
    }

    public List<Alert> alerts(Connection c) throws SQLException {
        List<Alert> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT alert_id, route_id, stop_id, kind, message, raised_at"
                + " FROM dispatch_alert ORDER BY alert_id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Alert(rs.getLong(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()));
            }
        }
        return out;
    }
}
