package dev.wedge.sync.edge;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import dev.wedge.sync.wire.Names;
import dev.wedge.sync.wire.WireCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends records to the edge outbox inside the caller's transaction, so a business change and its record
 * commit or vanish together.
 *
 * <p>Sequences come from a counter row that is updated in the same transaction. The row lock is held until the
 * caller commits, so concurrent writers queue behind each other: sequences have no gaps and follow commit
 * order. A rolled-back transaction leaves neither a record nor a used sequence.
 *
 * <p>Thread-safe; holds no connection. Never commits, rolls back or closes the connection it is given.
 */
public final class JdbcOutbox {
    /** Priority of records appended without one: between urgent confirmations (0) and telemetry (9). */
    public static final int DEFAULT_PRIORITY = 5;
    private static final String DUPLICATE_KEY_STATE = "23505";

    private final String nodeId;
    private final Clock clock;

    /** An outbox for the given node id (the warehouse id HQ knows it by). */
    public JdbcOutbox(String nodeId) {
        this(nodeId, Clock.systemUTC());
    }

    /** Same as {@link #JdbcOutbox(String)} with a clock for the created-at times. */
    public JdbcOutbox(String nodeId, Clock clock) {
        this.nodeId = Names.requireWarehouseId(nodeId);
        this.clock = clock;
    }

    /** The node id records are written for. */
    public String nodeId() {
        return nodeId;
    }

    /** Appends with {@link #DEFAULT_PRIORITY}; see {@link #append(Connection, String, String, int)}. */
    public OutboxRecord append(Connection tx, String kind, String payloadJson) throws SQLException {
        return append(tx, kind, payloadJson, DEFAULT_PRIORITY);
    }

    /**
     * Appends one record inside {@code tx}, which must not be in auto-commit mode.
     *
     * @param priority 0 (most urgent, e.g. shipment confirmations) to 9 (telemetry)
     * @throws SyncException {@code INVALID_INPUT} for a bad kind, payload or priority (nothing is written),
     *                       {@code NOT_IN_TRANSACTION} when {@code tx} auto-commits
     * @throws SQLException  when the database fails; the caller should roll back
     */
    public OutboxRecord append(Connection tx, String kind, String payloadJson, int priority) throws SQLException {
        Names.requireKind(kind);
        WireCodec.requireJson(payloadJson, "Payload of a '" + kind + "' record");
        if (priority < 0 || priority > 9) {
            throw SyncException.invalid("Priority " + priority + " of a '" + kind + "' record must be 0-9.");
        }
        if (tx.getAutoCommit()) {
            throw new SyncException(SyncErrorCode.NOT_IN_TRANSACTION,
                    "Outbox append needs the caller's transaction; the connection is in auto-commit mode.");
        }
        long seq = nextSeq(tx);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String key = Names.key(nodeId, seq);
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO sync_outbox"
                + " (node_id, seq, idem_key, kind, payload, priority, state, created_at, attempts)"
                + " VALUES (?, ?, ?, ?, ?, ?, 0, ?, 0)")) {
            ps.setString(1, nodeId);
            ps.setLong(2, seq);
            ps.setString(3, key);
            ps.setString(4, kind);
            ps.setString(5, payloadJson);
            ps.setInt(6, priority);
            ps.setTimestamp(7, Timestamp.from(now));
            ps.executeUpdate();
        }
        return new OutboxRecord(seq, key, kind, payloadJson, now);
    }

    /** Number of records not yet acknowledged by HQ (rejected records are not counted). */
    public long backlog(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM sync_outbox" + OutboxTable.PENDING_INDEX + "WHERE node_id = ? AND state = 0")) {
            ps.setString(1, nodeId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Deletes records HQ acknowledged before the given time, inside the caller's transaction. Pending and
     * rejected records are never deleted. Keep acknowledged records for as long as HQ might be restored from a
     * backup that misses them: a purged record can no longer be resent when HQ asks to resend from a gap.
     *
     * @return records deleted
     */
    public int purgeAcknowledged(Connection tx, Instant acknowledgedBefore) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "DELETE FROM sync_outbox WHERE node_id = ? AND state = 1 AND acked_at < ?")) {
            ps.setString(1, nodeId);
            ps.setTimestamp(2, Timestamp.from(acknowledgedBefore));
            return ps.executeUpdate();
        }
    }

    private long nextSeq(Connection tx) throws SQLException {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (bumpCounter(tx)) {
                return readCounter(tx);
            }
            try (PreparedStatement ps = tx.prepareStatement(
                    "INSERT INTO sync_outbox_counter (node_id, last_seq) VALUES (?, 1)")) {
                ps.setString(1, nodeId);
                ps.executeUpdate();
                return 1;
            } catch (SQLException e) {
                // Another transaction created the row first; its lock is gone once this insert failed,
                // so bump the row it created.
                if (!DUPLICATE_KEY_STATE.equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
        throw new SQLException("Outbox counter row for node " + nodeId + " can neither be updated nor created.");
    }

    private boolean bumpCounter(Connection tx) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "UPDATE sync_outbox_counter SET last_seq = last_seq + 1 WHERE node_id = ?")) {
            ps.setString(1, nodeId);
            return ps.executeUpdate() == 1;
        }
    }

    private long readCounter(Connection tx) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT last_seq FROM sync_outbox_counter WHERE node_id = ?")) {
            ps.setString(1, nodeId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
