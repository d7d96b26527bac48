package dev.wedge.edge.conveyor.decision;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes divert decisions to {@code conveyor_decision} off the sorter's critical path: entries are queued and a
 * writer thread stores them in batches, one transaction each. A duplicate (same PLC, tracking id and scan time)
 * is skipped, which keeps "one parcel, one decision" even if the in-memory window was lost in a restart.
 */
public final class JdbcDecisionLog implements AutoCloseable {

    /** A decision and what happened to its divert command. */
    public record Entry(Decision decision, Long writeMicros, String error, Instant decidedAt) {
        public boolean sent() {
            return error == null;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDecisionLog.class);
    private static final String INSERT = "INSERT INTO conveyor_decision (plc_id, tracking_id, inducted_at, barcode,"
            + " lane, reason, rule_number, decide_micros, write_micros, outcome, error, decided_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource db;
    private final Clock clock;
    private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>(100_000);
    private final Future<?> writer;
    private volatile boolean closing;

    /**
     * @param writer runs the writer loop until {@link #close()}; it occupies one of the executor's threads for
     *               that long, and the caller shuts the executor down after closing the log
     */
    public JdbcDecisionLog(DataSource db, Clock clock, ExecutorService writer) {
        this.db = db;
        this.clock = clock;
        this.writer = writer.submit(this::run);
    }

    public void record(Decision d, Long writeMicros, String error) {
        if (!queue.offer(new Entry(d, writeMicros, error, Instant.now(clock)))) {
            LOG.error("decision log queue full: decision for tracking id {} not stored", d.parcel().trackingId());
        }
    }

    /** Entries queued but not yet stored. */
    public int pending() {
        return queue.size();
    }

    private void run() {
        List<Entry> batch = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                Entry first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 999);
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException e) {
                LOG.error("storing {} conveyor decision(s) failed: {}", batch.size(), e.toString());
            }
            batch.clear();
        }
    }

    private void store(List<Entry> batch) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (Entry e : batch) {
                    bind(ps, e);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                storeOneByOne(c, batch);
            }
        }
    }

    /**
     * Stores each entry on its own: a duplicate is skipped, and an entry the table refuses for another reason is
     * logged with its own error instead of taking the rest of the batch with it (Derby undoes only the statement).
     */
    private void storeOneByOne(Connection c, List<Entry> batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Entry e : batch) {
                bind(ps, e);
                try {
                    ps.executeUpdate();
                } catch (SQLException refused) {
                    if ("23505".equals(refused.getSQLState())) {
                        LOG.warn("decision for tracking id {} of {} already stored",
                                e.decision().parcel().trackingId(), e.decision().plcId());
                    } else {
                        LOG.error("decision for tracking id {} of {} not stored: {}",
                                e.decision().parcel().trackingId(), e.decision().plcId(), refused.toString());
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, Entry e) throws SQLException {
        Decision d = e.decision();
        ps.setString(1, d.plcId());
        ps.setLong(2, d.parcel().trackingId());
        ps.setTimestamp(3, Timestamp.from(d.parcel().inductedAt()));
        ps.setString(4, d.parcel().noRead() ? "" : truncate(d.parcel().barcode(), 100));
        ps.setInt(5, d.lane());
        ps.setString(6, d.reason().name());
        if (d.ruleNumber() == 0) {
            ps.setNull(7, java.sql.Types.INTEGER);
        } else {
            ps.setInt(7, d.ruleNumber());
        }
        ps.setLong(8, d.decideMicros());
        if (e.writeMicros() == null) {
            ps.setNull(9, java.sql.Types.BIGINT);
        } else {
            ps.setLong(9, e.writeMicros());
        }
        ps.setString(10, e.sent() ? "SENT" : "FAILED");
        ps.setString(11, e.error() == null ? null : truncate(e.error(), 300));
        ps.setTimestamp(12, Timestamp.from(e.decidedAt()));
    }

    /** The scan keys of the latest decisions of one PLC, newest first, to seed a {@link TrackingWindow}. */
    public static List<long[]> recentKeys(DataSource db, String plcId, int limit) throws SQLException {
        List<long[]> keys = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT tracking_id,"
                + " inducted_at FROM conveyor_decision WHERE plc_id = ? ORDER BY decision_id DESC"
                + " FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, plcId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new long[]{rs.getLong(1), rs.getTimestamp(2).toInstant().toEpochMilli()});
                }
            }
        }
        return keys;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** Stores what is queued, then stops. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("conveyor decision log did not finish storing: {} decision(s) not stored ({})", queue.size(),
                    e.toString());
        }
    }
}
