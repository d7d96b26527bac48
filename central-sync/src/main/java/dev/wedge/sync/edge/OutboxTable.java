package dev.wedge.sync.edge;

import dev.wedge.sync.wire.Ack;
import dev.wedge.sync.wire.Names;
import dev.wedge.sync.wire.RecordEnvelope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/** The forwarder's reads and state changes on {@code sync_outbox}, each in its own short transaction. */
final class OutboxTable {
    static final int PENDING = 0;
    static final int ACKED = 1;
    static final int REJECTED = 2;
    /** Rough size of the JSON around one payload (sequence, key, kind, time). */
    static final int ENVELOPE_BYTES = 120;

    private final DataSource db;
    private final String nodeId;

    /**
     * Derby's optimizer override that makes a query read the {@code (node_id, state, priority, seq)} index. Left
     * to itself, on a large outbox Derby may read pending records through the primary key and sort them, which
     * costs every batch a scan of the whole remaining backlog (a million-record drain then spent minutes there:
     * 2,741 records/s against 22,951/s with this override, in the same benchmark); through this index a batch
     * is read where it starts. The comment syntax needs the line break after it.
     */
    static final String PENDING_INDEX = " --DERBY-PROPERTIES index=SYNC_OUTBOX_PENDING\n ";

    OutboxTable(DataSource db, String nodeId) {
        this.db = db;
        this.nodeId = Names.requireWarehouseId(nodeId);
    }

    /**
     * Pending records, most urgent priority first, then by sequence: at most {@code limit} records and, except
     * for a single oversized record, at most {@code maxBytes} of payload.
     */
    List<RecordEnvelope> pending(int limit, int maxBytes) throws SQLException {
        return pending(limit, maxBytes, List.of());
    }

    /**
     * The batch that follows {@code inFlight} (a batch this method returned earlier that is still on its way to
     * HQ, or empty): the same order and bounds, without the records of {@code inFlight}. Because a batch is
     * read in (priority, seq) order, it holds every record more urgent than its last one and a prefix of that
     * last one's priority, so the rest is: newer records of more urgent priorities (skipping the batch's own),
     * then that priority after the batch's last sequence, then the less urgent priorities.
     */
    List<RecordEnvelope> pending(int limit, int maxBytes, List<RecordEnvelope> inFlight) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            Page page = new Page(limit, maxBytes);
            if (inFlight.isEmpty()) {
                read(c, "", new Object[0], page, Set.of());
            } else {
                RecordEnvelope last = inFlight.get(inFlight.size() - 1);
                Set<Long> skip = new HashSet<>();
                inFlight.stream().filter(r -> r.priority() < last.priority()).forEach(r -> skip.add(r.seq()));
                read(c, " AND priority < ?", new Object[] {last.priority()}, page, skip);
                read(c, " AND priority = ? AND seq > ?", new Object[] {last.priority(), last.seq()}, page, Set.of());
                read(c, " AND priority > ?", new Object[] {last.priority()}, page, Set.of());
            }
            c.commit();
            return page.records;
        }
    }

    /** Records collected for one batch and whether its count or byte bound is reached. */
    private static final class Page {
        private final int limit;
        private final int maxBytes;
        private final List<RecordEnvelope> records = new ArrayList<>();
        private long bytes;
        private boolean full;

        Page(int limit, int maxBytes) {
            this.limit = limit;
            this.maxBytes = maxBytes;
        }

        /** Adds the record unless it breaks a bound; false (and full from then on) when it did. */
        boolean offer(RecordEnvelope r) {
            // JSON text is mostly ASCII, so its length is a close and cheap estimate of its bytes.
            long after = bytes + r.payload().length() + ENVELOPE_BYTES;
            if (records.size() >= limit || (!records.isEmpty() && after > maxBytes)) {
                full = true;
                return false;
            }
            bytes = after;
            records.add(r);
            return true;
        }
    }

    private void read(Connection c, String condition, Object[] args, Page page, Set<Long> skip)
            throws SQLException {
        if (page.full || page.records.size() >= page.limit) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, idem_key, kind, priority, created_at, payload"
                + " FROM sync_outbox" + PENDING_INDEX + "WHERE node_id = ? AND state = 0" + condition
                + " ORDER BY priority, seq"
                + " FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, nodeId);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 2, args[i]);
            }
            ps.setInt(args.length + 2, page.limit - page.records.size() + skip.size());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (skip.contains(rs.getLong(1))) {
                        continue;
                    }
                    RecordEnvelope r = new RecordEnvelope(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getInt(4), rs.getTimestamp(5).toInstant(), rs.getString(6));
                    if (!page.offer(r)) {
                        return;
                    }
                }
            }
        }
    }

    /**
     * A run of pending records of one priority, consecutive in (priority, seq) order. Because the batch was read
     * in that order and new sequences are always higher, the pending rows of that priority between
     * {@code lo} and {@code hi} are exactly the batch's, so one range statement updates them all.
     */
    record Run(int priority, long lo, long hi, List<RecordEnvelope> records) {
    }

    static List<Run> runs(List<RecordEnvelope> batch) {
        List<Run> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= batch.size(); i++) {
            if (i == batch.size() || batch.get(i).priority() != batch.get(start).priority()) {
                List<RecordEnvelope> part = batch.subList(start, i);
                out.add(new Run(part.get(0).priority(), part.get(0).seq(), part.get(part.size() - 1).seq(), part));
                start = i;
            }
        }
        return out;
    }

    /** Counts a failed attempt, stamps its send time and notes why; the records stay pending. */
    void markFailed(List<RecordEnvelope> records, String error, Instant sentAt) throws SQLException {
        String text = error == null ? "unknown" : error.length() > 1000 ? error.substring(0, 1000) : error;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("UPDATE sync_outbox SET last_error = ?, sent_at = ?,"
                    + " attempts = attempts + 1 WHERE node_id = ? AND state = 0 AND priority = ? AND seq BETWEEN ? AND ?")) {
                for (Run run : runs(records)) {
                    ps.setString(1, text);
                    ps.setTimestamp(2, Timestamp.from(sentAt));
                    bindRun(ps, 3, run);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void bindRun(PreparedStatement ps, int from, Run run) throws SQLException {
        ps.setString(from, nodeId);
        ps.setInt(from + 1, run.priority());
        ps.setLong(from + 2, run.lo());
        ps.setLong(from + 3, run.hi());
    }

    /**
     * Records the attempt (sent at {@code sentAt}) and applies HQ's acks to the batch in one transaction; returns
     * how many records became acknowledged. A run of the batch that HQ stored completely is marked with one range
     * statement, anything else record by record. The attempt is written together with its outcome, so an attempt
     * cut short by a crash is not counted.
     */
    int applyAcks(List<RecordEnvelope> batch, Map<Long, Ack> acks, Instant sentAt, Instant at) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            int acked = 0;
            try (PreparedStatement ok = c.prepareStatement("UPDATE sync_outbox SET state = 1, acked_at = ?,"
                    + " last_error = NULL WHERE node_id = ? AND seq = ? AND state = 0");
                    PreparedStatement no = c.prepareStatement("UPDATE sync_outbox SET state = 2, last_error = ?"
                            + " WHERE node_id = ? AND seq = ? AND state = 0");
                    PreparedStatement range = c.prepareStatement("UPDATE sync_outbox SET state = 1, acked_at = ?,"
                            + " sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE node_id = ? AND state = 0"
                            + " AND priority = ? AND seq BETWEEN ? AND ?");
                    PreparedStatement attempt = c.prepareStatement("UPDATE sync_outbox SET sent_at = ?,"
                            + " attempts = attempts + 1 WHERE node_id = ? AND state = 0 AND priority = ?"
                            + " AND seq BETWEEN ? AND ?")) {
                List<Ack> single = new ArrayList<>();
                for (Run run : runs(batch)) {
                    int rangeAcked = allStored(run, acks) ? markRun(c, range, run, sentAt, at) : -1;
                    if (rangeAcked >= 0) {
                        acked += rangeAcked;
                    } else {
                        attempt.setTimestamp(1, Timestamp.from(sentAt));
                        bindRun(attempt, 2, run);
                        attempt.executeUpdate();
                        run.records().stream().map(r -> acks.get(r.seq())).filter(a -> a != null).forEach(single::add);
                    }
                }
                for (Ack ack : single) {
                    PreparedStatement ps = ack.stored() ? ok : no;
                    if (ack.stored()) {
                        ps.setTimestamp(1, Timestamp.from(at));
                        acked++;
                    } else {
                        ps.setString(1, "Rejected by HQ: " + ack.code());
                    }
                    ps.setString(2, nodeId);
                    ps.setLong(3, ack.seq());
                    ps.addBatch();
                }
                if (!single.isEmpty()) {
                    ok.executeBatch();
                    no.executeBatch();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            return acked;
        }
    }

    private static boolean allStored(Run run, Map<Long, Ack> acks) {
        return run.records().stream().allMatch(r -> acks.containsKey(r.seq()) && acks.get(r.seq()).stored());
    }

    /**
     * Marks a completely stored run with one range statement; -1 (and nothing changed) when the range held
     * other pending rows than the run's, which {@link #runs} rules out but is checked rather than trusted,
     * because marking a record that was never sent as acknowledged would lose it.
     */
    private int markRun(Connection c, PreparedStatement range, Run run, Instant sentAt, Instant at)
            throws SQLException {
        Savepoint before = c.setSavepoint();
        range.setTimestamp(1, Timestamp.from(at));
        range.setTimestamp(2, Timestamp.from(sentAt));
        bindRun(range, 3, run);
        int n = range.executeUpdate();
        if (n == run.records().size()) {
            c.releaseSavepoint(before);
            return n;
        }
        c.rollback(before);
        return -1;
    }

    /** Makes acknowledged records in [from, below) pending again because HQ says it lacks them. */
    int reopen(long from, long below) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE sync_outbox SET state = 0, acked_at = NULL,"
                        + " last_error = 'HQ asked to resend' WHERE node_id = ? AND state = 1 AND seq >= ? AND seq < ?")) {
            c.setAutoCommit(false);
            ps.setString(1, nodeId);
            ps.setLong(2, from);
            ps.setLong(3, below);
            int n = ps.executeUpdate();
            c.commit();
            return n;
        }
    }

    /**
     * Creation time of the oldest pending record, or null: the lowest pending sequence of each priority is one
     * probe of the {@code (node_id, state, priority, seq)} index, and the oldest is the lowest of those.
     */
    Instant oldestPending() throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT seq, created_at FROM sync_outbox" + PENDING_INDEX
                        + "WHERE node_id = ? AND state = 0 AND priority = ? ORDER BY seq FETCH FIRST 1 ROWS ONLY")) {
            c.setAutoCommit(false);
            long lowest = Long.MAX_VALUE;
            Instant oldest = null;
            for (int priority = 0; priority <= 9; priority++) {
                ps.setString(1, nodeId);
                ps.setInt(2, priority);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getLong(1) < lowest) {
                        lowest = rs.getLong(1);
                        oldest = rs.getTimestamp(2).toInstant();
                    }
                }
            }
            c.commit();
            return oldest;
        }
    }

    /** Records HQ rejected for good. */
    long rejected() throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM sync_outbox" + PENDING_INDEX + "WHERE node_id = ? AND state = 2")) {
            c.setAutoCommit(false);
            ps.setString(1, nodeId);
            long n;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                n = rs.getLong(1);
            }
            c.commit();
            return n;
        }
    }

    long backlog() throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            long n = new JdbcOutbox(nodeId).backlog(c);
            c.commit();
            return n;
        }
    }
}
