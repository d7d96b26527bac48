package dev.wedge.sync.hq;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import dev.wedge.sync.wire.InboundMessage;
import dev.wedge.sync.wire.InboundPage;
import dev.wedge.sync.wire.Names;
import dev.wedge.sync.wire.WireCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * HQ's downward stream: messages for one or all warehouses, numbered by a counter row updated in the publishing
 * transaction, so cursors are gap-free and in commit order and a reader never skips a late commit.
 */
final class JdbcOutboundQueue {
    private final DataSource dataSource;

    JdbcOutboundQueue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    long publish(String warehouseId, String kind, String key, String payload, Instant at) {
        if (warehouseId != null) {
            Names.requireWarehouseId(warehouseId);
        }
        Names.requireKind(kind);
        if (key == null || key.isBlank() || key.length() > 100) {
            throw SyncException.invalid("Outbound entity key '" + key + "' must be 1-100 characters.");
        }
        WireCodec.requireJson(payload, "Payload of outbound '" + kind + "' " + key);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long cursor;
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE hq_outbound_counter SET last_cursor = last_cursor + 1 WHERE id = 1")) {
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT last_cursor FROM hq_outbound_counter WHERE id = 1");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    cursor = rs.getLong(1);
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO hq_outbound (cursor_no, warehouse_id, kind,"
                        + " entity_key, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setLong(1, cursor);
                    ps.setString(2, warehouseId);
                    ps.setString(3, kind);
                    ps.setString(4, key);
                    ps.setString(5, payload);
                    ps.setTimestamp(6, Timestamp.from(at.truncatedTo(ChronoUnit.MILLIS)));
                    ps.executeUpdate();
                }
                c.commit();
                return cursor;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new SyncException(SyncErrorCode.STORAGE_FAILED, "Cannot publish " + kind + " " + key, e);
        }
    }

    InboundPage page(String warehouseId, long after, int limit) {
        Names.requireWarehouseId(warehouseId);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT cursor_no, kind, entity_key, payload, created_at"
                        + " FROM hq_outbound WHERE cursor_no > ? AND (warehouse_id = ? OR warehouse_id IS NULL)"
                        + " ORDER BY cursor_no FETCH FIRST " + (limit + 1) + " ROWS ONLY")) {
            ps.setLong(1, after);
            ps.setString(2, warehouseId);
            List<InboundMessage> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new InboundMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                }
            }
            boolean more = out.size() > limit;
            return new InboundPage(warehouseId, more ? out.subList(0, limit) : out, more);
        } catch (SQLException e) {
            throw new SyncException(SyncErrorCode.STORAGE_FAILED, "Cannot read inbound for " + warehouseId, e);
        }
    }

    void acknowledge(String warehouseId, long through, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement up = c.prepareStatement("UPDATE hq_inbound_ack SET acked_through = ?, acked_at = ?"
                    + " WHERE warehouse_id = ? AND acked_through <= ?")) {
                up.setLong(1, through);
                up.setTimestamp(2, Timestamp.from(at));
                up.setString(3, warehouseId);
                up.setLong(4, through);
                if (up.executeUpdate() == 0 && ackedThrough(c, warehouseId) < 0) {
                    try (PreparedStatement in = c.prepareStatement(
                            "INSERT INTO hq_inbound_ack (acked_through, acked_at, warehouse_id) VALUES (?, ?, ?)")) {
                        in.setLong(1, through);
                        in.setTimestamp(2, Timestamp.from(at));
                        in.setString(3, warehouseId);
                        in.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new SyncException(SyncErrorCode.STORAGE_FAILED, "Cannot record inbound ack of " + warehouseId, e);
        }
    }

    long ackedThrough(String warehouseId) {
        try (Connection c = dataSource.getConnection()) {
            return Math.max(0, ackedThrough(c, warehouseId));
        } catch (SQLException e) {
            throw new SyncException(SyncErrorCode.STORAGE_FAILED, "Cannot read inbound ack of " + warehouseId, e);
        }
    }

    private static long ackedThrough(Connection c, String warehouseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT acked_through FROM hq_inbound_ack WHERE warehouse_id = ?")) {
            ps.setString(1, warehouseId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }
}
