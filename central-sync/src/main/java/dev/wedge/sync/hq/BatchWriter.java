package dev.wedge.sync.hq;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.wire.Ack;
import dev.wedge.sync.wire.AckStatus;
import dev.wedge.sync.wire.Batch;
import dev.wedge.sync.wire.Names;
import dev.wedge.sync.wire.RecordEnvelope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one batch inside one transaction on a connection it is given. The warehouse row is locked first, so
 * stores for one warehouse are serialised and the de-duplication check cannot race with another writer.
 */
final class BatchWriter {
    private static final String DUPLICATE_KEY_STATE = "23505";
    /** Sequences further apart than this are read with separate range scans. */
    private static final long RANGE_GAP = 64;

    /** What HQ already holds for a sequence. */
    private record Held(String kind, String sha256, Instant receivedAt) {
    }

    private final Connection c;
    private final String warehouseId;
    private final Instant receivedAt;
    private final Batch batch;

    BatchWriter(Connection c, Batch batch, Instant receivedAt) {
        this.c = c;
        this.batch = batch;
        this.warehouseId = batch.warehouseId();
        this.receivedAt = receivedAt;
    }

    List<Ack> write() throws SQLException {
        List<RecordEnvelope> records = batch.records();
        long contiguous = lockWarehouse();
        Map<Long, Held> held = held(records);
        List<Ack> acks = new ArrayList<>(records.size());
        List<RecordEnvelope> fresh = new ArrayList<>();
        List<String> freshSha = new ArrayList<>();
        Map<String, Long> perKind = new TreeMap<>();
        for (RecordEnvelope r : records) {
            String sha = sha256(r.payload());
            Held existing = held.get(r.seq());
            if (!Names.key(warehouseId, r.seq()).equals(r.key())) {
                acks.add(reject(r, SyncErrorCode.KEY_MISMATCH));
            } else if (existing == null) {
                held.put(r.seq(), new Held(r.kind(), sha, receivedAt));
                fresh.add(r);
                freshSha.add(sha);
                perKind.merge(r.kind(), 1L, Long::sum);
                acks.add(new Ack(r.seq(), r.key(), AckStatus.STORED, null, receivedAt));
            } else if (existing.sha256().equals(sha) && existing.kind().equals(r.kind())) {
                acks.add(new Ack(r.seq(), r.key(), AckStatus.STORED, null, existing.receivedAt()));
            } else {
                acks.add(reject(r, SyncErrorCode.DUPLICATE_WITH_DIFFERENT_CONTENT));
            }
        }
        insert(fresh, freshSha);
        countKinds(perKind);
        new ReportProjection(c, warehouseId).apply(fresh);
        long through = advance(contiguous, held);
        updateWarehouse(fresh.size(), through);
        return acks;
    }

    private static Ack reject(RecordEnvelope r, SyncErrorCode code) {
        return new Ack(r.seq(), r.key(), AckStatus.REJECTED, code.name(), null);
    }

    /** Locks (creating if needed) the warehouse row and returns its contiguous-through mark. */
    private long lockWarehouse() throws SQLException {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE hq_warehouse SET last_contact_at = ?"
                    + " WHERE warehouse_id = ?")) {
                ps.setTimestamp(1, Timestamp.from(receivedAt));
                ps.setString(2, warehouseId);
                if (ps.executeUpdate() == 1) {
                    return readContiguous();
                }
            }
            Savepoint sp = c.setSavepoint();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO hq_warehouse (warehouse_id,"
                    + " first_contact_at, last_contact_at, contiguous_through, record_count) VALUES (?, ?, ?, 0, 0)")) {
                ps.setString(1, warehouseId);
                ps.setTimestamp(2, Timestamp.from(receivedAt));
                ps.setTimestamp(3, Timestamp.from(receivedAt));
                ps.executeUpdate();
                c.releaseSavepoint(sp);
                return 0;
            } catch (SQLException e) {
                if (!DUPLICATE_KEY_STATE.equals(e.getSQLState())) {
                    throw e;
                }
                // A concurrent first batch of the same warehouse created the row; lock that one instead.
                c.rollback(sp);
            }
        }
        throw new SQLException("Warehouse row " + warehouseId + " can neither be locked nor created.");
    }

    private long readContiguous() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT contiguous_through FROM hq_warehouse WHERE warehouse_id = ?")) {
            ps.setString(1, warehouseId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * What HQ already holds for the batch's sequences. The sequences are split into dense ranges, each read
     * with one index range scan; a batch mixing urgent new records with an old backlog is only a few ranges.
     */
    private Map<Long, Held> held(List<RecordEnvelope> records) throws SQLException {
        Map<Long, Held> held = new HashMap<>();
        long[] seqs = records.stream().mapToLong(RecordEnvelope::seq).sorted().toArray();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, kind, payload_sha256, received_at"
                + " FROM hq_record WHERE warehouse_id = ? AND seq BETWEEN ? AND ?")) {
            int start = 0;
            for (int i = 1; i <= seqs.length; i++) {
                if (i == seqs.length || seqs[i] - seqs[i - 1] > RANGE_GAP) {
                    ps.setString(1, warehouseId);
                    ps.setLong(2, seqs[start]);
                    ps.setLong(3, seqs[i - 1]);
                    collect(ps, held);
                    start = i;
                }
            }
        }
        return held;
    }

    private static void collect(PreparedStatement ps, Map<Long, Held> held) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                held.put(rs.getLong(1), new Held(rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
            }
        }
    }

    private void insert(List<RecordEnvelope> fresh, List<String> shas) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO hq_record (warehouse_id, seq, idem_key, kind,"
                + " priority, payload, payload_sha256, created_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Timestamp received = Timestamp.from(receivedAt);
            for (int i = 0; i < fresh.size(); i++) {
                RecordEnvelope r = fresh.get(i);
                ps.setString(1, warehouseId);
                ps.setLong(2, r.seq());
                ps.setString(3, r.key());
                ps.setString(4, r.kind());
                ps.setInt(5, r.priority());
                ps.setString(6, r.payload());
                ps.setString(7, shas.get(i));
                ps.setTimestamp(8, Timestamp.from(r.createdAt()));
                ps.setTimestamp(9, received);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void countKinds(Map<String, Long> perKind) throws SQLException {
        for (Map.Entry<String, Long> e : perKind.entrySet()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE hq_kind_count SET record_count = record_count + ?"
                    + " WHERE warehouse_id = ? AND kind = ?")) {
                ps.setLong(1, e.getValue());
                ps.setString(2, warehouseId);
                ps.setString(3, e.getKey());
                if (ps.executeUpdate() == 1) {
                    continue;
                }
            }
            // The warehouse row lock serialises writers, so no other transaction can insert this row now.
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO hq_kind_count (warehouse_id, kind, record_count) VALUES (?, ?, ?)")) {
                ps.setString(1, warehouseId);
                ps.setString(2, e.getKey());
                ps.setLong(3, e.getValue());
                ps.executeUpdate();
            }
        }
    }

    /** Moves the contiguous mark past every sequence now held without a gap. */
    private long advance(long contiguous, Map<Long, Held> batchView) throws SQLException {
        long through = contiguous;
        while (batchView.containsKey(through + 1)) {
            through++;
        }
        if (through == contiguous) {
            return contiguous;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM hq_record WHERE warehouse_id = ?"
                + " AND seq > ? ORDER BY seq FETCH FIRST 1000 ROWS ONLY")) {
            while (true) {
                ps.setString(1, warehouseId);
                ps.setLong(2, through);
                int read = 0;
                long start = through;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && rs.getLong(1) == through + 1) {
                        through++;
                        read++;
                    }
                }
                if (read < 1000 || through == start) {
                    return through;
                }
            }
        }
    }

    private void updateWarehouse(int added, long through) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE hq_warehouse SET record_count = record_count + ?,"
                + " contiguous_through = ? WHERE warehouse_id = ?")) {
            ps.setLong(1, added);
            ps.setLong(2, through);
            ps.setString(3, warehouseId);
            ps.executeUpdate();
        }
        if (batch.backlog() == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE hq_warehouse SET edge_backlog = ?,"
                + " edge_oldest_pending_at = ? WHERE warehouse_id = ?")) {
            ps.setLong(1, batch.backlog());
            ps.setTimestamp(2, batch.oldestPendingAt() == null ? null : Timestamp.from(batch.oldestPendingAt()));
            ps.setString(3, warehouseId);
            ps.executeUpdate();
        }
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
