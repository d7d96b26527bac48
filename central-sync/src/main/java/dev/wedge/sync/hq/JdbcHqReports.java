package dev.wedge.sync.hq;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The report queries of {@link JdbcHqStore}, over the projection tables that each store keeps in step. */
final class JdbcHqReports {
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;

    JdbcHqReports(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<WarehouseReport> warehouses(Instant now) {
        return query("SELECT warehouse_id, last_contact_at, record_count, contiguous_through, edge_backlog,"
                + " edge_oldest_pending_at FROM hq_warehouse ORDER BY warehouse_id", rs -> {
                    Instant last = rs.getTimestamp(2).toInstant();
                    long backlog = rs.getLong(5);
                    Long edgeBacklog = rs.wasNull() ? null : backlog;
                    Timestamp oldest = rs.getTimestamp(6);
                    Instant oldestAt = oldest == null ? null : oldest.toInstant();
                    long age = oldestAt == null ? 0 : Math.max(0, Duration.between(oldestAt, now).toSeconds());
                    return new WarehouseReport(rs.getString(1), last, rs.getLong(3), rs.getLong(4), edgeBacklog,
                            oldestAt, age, Math.max(0, Duration.between(last, now).toSeconds()));
                });
    }

    List<HourlyCount> hourly(String kind, Instant from, Instant to) {
        return query("SELECT warehouse_id, kind, hour_start, record_count FROM hq_hourly WHERE kind = ?"
                + " AND hour_start >= ? AND hour_start < ? ORDER BY warehouse_id, hour_start",
                rs -> new HourlyCount(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getLong(4)),
                kind, Timestamp.from(from), Timestamp.from(to));
    }

    List<StockLevel> stock() {
        return query("SELECT warehouse_id, product, quantity FROM hq_stock ORDER BY warehouse_id, product",
                rs -> new StockLevel(rs.getString(1), rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros()));
    }

    List<ShipmentStats> shipments() {
        return query("SELECT warehouse_id, COUNT(*),"
                + " SUM(CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN delivered_at IS NOT NULL AND due_at IS NOT NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN delivered_at IS NOT NULL AND due_at IS NOT NULL AND delivered_at <= due_at"
                + " THEN 1 ELSE 0 END) FROM hq_shipment GROUP BY warehouse_id ORDER BY warehouse_id", rs -> {
                    long withDue = rs.getLong(4);
                    long onTime = rs.getLong(5);
                    return new ShipmentStats(rs.getString(1), rs.getLong(2), rs.getLong(3), withDue, onTime,
                            withDue == 0 ? null : (double) onTime / withDue);
                });
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new SyncException(SyncErrorCode.STORAGE_FAILED, "Report query failed: " + sql, e);
        }
    }
}
