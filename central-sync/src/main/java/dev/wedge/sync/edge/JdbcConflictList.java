package dev.wedge.sync.edge;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import dev.wedge.sync.wire.InboundMessage;
import dev.wedge.sync.wire.Names;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The supervisor's conflict list in the edge database ({@code sync_conflict}). All methods work inside the
 * caller's connection and never commit, so a resolution can commit together with the change it causes.
 */
public final class JdbcConflictList {
    private static final String COLUMNS = "id, cursor_no, kind, entity_key, reason, detail, incoming_payload,"
            + " detected_at, resolved_at, resolution, resolved_by, note";
    private final String nodeId;
    private final Clock clock;

    public JdbcConflictList(String nodeId) {
        this(nodeId, Clock.systemUTC());
    }

    public JdbcConflictList(String nodeId, Clock clock) {
        this.nodeId = Names.requireWarehouseId(nodeId);
        this.clock = clock;
    }

    /** Parks a message; returns the conflict id. */
    public long record(Connection tx, InboundMessage m, String reason, String detail) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO sync_conflict (node_id, cursor_no, kind,"
                + " entity_key, reason, detail, incoming_payload, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, nodeId);
            ps.setLong(2, m.cursor());
            ps.setString(3, m.kind());
            ps.setString(4, m.key());
            ps.setString(5, reason.length() > 64 ? reason.substring(0, 64) : reason);
            ps.setString(6, detail == null ? "" : detail.length() > 1000 ? detail.substring(0, 1000) : detail);
            ps.setString(7, m.payload());
            ps.setTimestamp(8, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Open conflicts, oldest first. */
    public List<Conflict> open(Connection c) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM sync_conflict WHERE node_id = ? AND resolved_at IS NULL"
                + " ORDER BY id", nodeId);
    }

    /** Every conflict, newest first, at most {@code limit}. */
    public List<Conflict> recent(Connection c, int limit) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM sync_conflict WHERE node_id = ? ORDER BY id DESC"
                + " FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", nodeId);
    }

    /**
     * Records a supervisor's decision on an open conflict and returns it as resolved.
     *
     * @throws SyncException {@code NOT_FOUND} for an unknown id, {@code INVALID_INPUT} for one already resolved
     *                       or a blank supervisor name; nothing changes then
     */
    public Conflict resolve(Connection tx, long id, Conflict.Resolution resolution, String by, String note)
            throws SQLException {
        if (resolution == null || by == null || by.isBlank() || by.length() > 64) {
            throw SyncException.invalid("Resolving conflict " + id + " needs a resolution and who (1-64 chars).");
        }
        List<Conflict> found = query(tx, "SELECT " + COLUMNS + " FROM sync_conflict WHERE node_id = ? AND id = ?",
                nodeId, id);
        if (found.isEmpty()) {
            throw new SyncException(SyncErrorCode.NOT_FOUND, "Conflict " + id + " does not exist.");
        }
        if (!found.get(0).open()) {
            throw SyncException.invalid("Conflict " + id + " is already resolved as " + found.get(0).resolution());
        }
        try (PreparedStatement ps = tx.prepareStatement("UPDATE sync_conflict SET resolved_at = ?, resolution = ?,"
                + " resolved_by = ?, note = ? WHERE node_id = ? AND id = ? AND resolved_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
            ps.setString(2, resolution.name());
            ps.setString(3, by);
            ps.setString(4, note == null ? null : note.length() > 1000 ? note.substring(0, 1000) : note);
            ps.setString(5, nodeId);
            ps.setLong(6, id);
            ps.executeUpdate();
        }
        return query(tx, "SELECT " + COLUMNS + " FROM sync_conflict WHERE node_id = ? AND id = ?", nodeId, id).get(0);
    }

    private static List<Conflict> query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Conflict> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Conflict(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                            instant(rs.getTimestamp(9)), rs.getString(10) == null ? null
                                    : Conflict.Resolution.valueOf(rs.getString(10)), rs.getString(11),
                            rs.getString(12)));
                }
            }
            return out;
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
