package dev.wedge.sync.edge;

import dev.wedge.sync.SyncException;
import dev.wedge.sync.wire.InboundAck;
import dev.wedge.sync.wire.InboundMessage;
import dev.wedge.sync.wire.InboundPage;
import dev.wedge.sync.wire.Names;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls HQ's messages (orders, master data) by cursor, in order, and applies each in one edge transaction that
 * also moves the cursor, so a crash repeats nothing and skips nothing. {@link OwnershipRules} decide first:
 * edge-owned kinds are ignored, kinds without a rule and handler-reported overlaps go to the
 * {@link JdbcConflictList}. After each page the cursor is acknowledged to HQ.
 *
 * <p>Runs on its own daemon thread after {@link #start()}; {@link #pullOnce()} does one round synchronously.
 */
public final class InboundPuller {
    private static final Logger LOG = LoggerFactory.getLogger(InboundPuller.class);

    private final DataSource edgeDb;
    private final String nodeId;
    private final ForwarderSettings settings;
    private final HqClient client;
    private final OwnershipRules rules;
    private final InboundHandler handler;
    private final JdbcConflictList conflicts;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private volatile String lastError;
    private volatile boolean running;
    private Thread thread;

    public InboundPuller(DataSource edgeDb, String nodeId, URI hqBaseUri, ForwarderSettings settings,
            EdgeCredentials credentials, OwnershipRules rules, InboundHandler handler) {
        this.edgeDb = Objects.requireNonNull(edgeDb, "edgeDb");
        this.nodeId = Names.requireWarehouseId(nodeId);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = new HqClient(Objects.requireNonNull(hqBaseUri, "hqBaseUri"), credentials, settings);
        this.rules = Objects.requireNonNull(rules, "rules");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.conflicts = new JdbcConflictList(nodeId);
    }

    /** Starts pulling every {@code pollInterval}, backing off while HQ is unreachable. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "wedge-sync-inbound-" + nodeId);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread and waits up to 10 s for it. */
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /**
     * Fetches one page after the stored cursor, applies it message by message and acknowledges it.
     *
     * @return messages processed (applied, ignored or parked)
     * @throws SyncException when HQ cannot be reached; SQLException when the edge database fails
     */
    public int pullOnce() throws SQLException, InterruptedException {
        long[] cursor = cursor();
        InboundPage page = client.fetchInbound(nodeId, cursor[0], settings.batchSize());
        long through = cursor[0];
        for (InboundMessage m : page.messages()) {
            if (m.cursor() <= through) {
                continue;
            }
            if (!applyOne(m, through)) {
                break;
            }
            through = m.cursor();
        }
        if (through > cursor[1]) {
            client.ackInbound(new InboundAck(nodeId, through));
            storeAcked(through);
        }
        lastError = null;
        return page.messages().size();
    }

    public InboundStatus status() {
        long[] c;
        try {
            c = cursor();
        } catch (SQLException e) {
            c = new long[] {-1, -1};
        }
        return new InboundStatus(c[0], c[1], applied.get(), ignored.get(), parked.get(), lastError);
    }

    /** One message in one transaction; false when another writer moved the cursor first. */
    private boolean applyOne(InboundMessage m, long expected) throws SQLException {
        try (Connection tx = edgeDb.getConnection()) {
            tx.setAutoCommit(false);
            try {
                InboundOutcome outcome = decide(tx, m);
                if (!advance(tx, expected, m.cursor())) {
                    tx.rollback();
                    return false;
                }
                tx.commit();
                count(m, outcome);
                return true;
            } catch (SQLException e) {
                tx.rollback();
                throw e;
            }
        }
    }

    private InboundOutcome decide(Connection tx, InboundMessage m) throws SQLException {
        Owner owner = rules.ownerOf(m.kind()).orElse(null);
        InboundOutcome outcome;
        if (owner == null) {
            outcome = InboundOutcome.conflict("NO_OWNERSHIP_RULE", "No rule says who owns '" + m.kind() + "'.");
        } else if (owner == Owner.EDGE) {
            outcome = InboundOutcome.ignored("EDGE_OWNS_KIND", "The warehouse owns '" + m.kind() + "' data.");
        } else {
            outcome = handleSafely(tx, m);
        }
        if (outcome.type() == InboundOutcome.Type.CONFLICT) {
            conflicts.record(tx, m, outcome.reason(), outcome.detail());
        }
        return outcome;
    }

    private InboundOutcome handleSafely(Connection tx, InboundMessage m) throws SQLException {
        java.sql.Savepoint sp = tx.setSavepoint();
        try {
            return handler.apply(tx, m);
        } catch (RuntimeException e) {
            // A message the application cannot apply must not block the stream: undo its part, park it.
            tx.rollback(sp);
            LOG.warn("Inbound {} {} could not be applied: {}", m.kind(), m.key(), e.toString());
            return InboundOutcome.conflict("HANDLER_FAILED", e.toString());
        } catch (SQLException e) {
            if (!isDataError(e)) {
                throw e; // the database may work again: retried with the same message later
            }
            // A value the database can never store (too long, out of range, not a date) fails the same way on
            // every retry: park the message instead of holding back everything behind it.
            tx.rollback(sp);
            String detail = "SQLSTATE " + e.getSQLState() + ": " + e.getMessage();
            LOG.warn("Inbound {} {} holds data the edge database cannot store: {}", m.kind(), m.key(), detail);
            return InboundOutcome.conflict("HANDLER_DATA_ERROR", detail);
        }
    }

    /**
     * SQLSTATE class 22 (data exception): the statement's values, not the database, are the problem, so the same
     * statement fails the same way on every retry. Also used by other readers of synced data.
     */
    public static boolean isDataError(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("22");
    }

    private void count(InboundMessage m, InboundOutcome outcome) {
        switch (outcome.type()) {
            case APPLIED -> applied.incrementAndGet();
            case IGNORED -> ignored.incrementAndGet();
            case CONFLICT -> {
                parked.incrementAndGet();
                LOG.info("Inbound {} {} parked as conflict {}", m.kind(), m.key(), outcome.reason());
            }
        }
    }

    private long[] cursor() throws SQLException {
        try (Connection c = edgeDb.getConnection()) {
            c.setAutoCommit(false);
            long[] out = {0, 0};
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT applied_through, acked_through FROM sync_inbound_cursor WHERE node_id = ?")) {
                ps.setString(1, nodeId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out = new long[] {rs.getLong(1), rs.getLong(2)};
                    }
                }
            }
            c.commit();
            return out;
        }
    }

    private boolean advance(Connection tx, long expected, long to) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("UPDATE sync_inbound_cursor SET applied_through = ?"
                + " WHERE node_id = ? AND applied_through = ?")) {
            ps.setLong(1, to);
            ps.setString(2, nodeId);
            ps.setLong(3, expected);
            if (ps.executeUpdate() == 1) {
                return true;
            }
        }
        if (expected != 0 || cursor()[0] != 0) {
            return false;
        }
        try (PreparedStatement ps = tx.prepareStatement(
                "INSERT INTO sync_inbound_cursor (node_id, applied_through, acked_through) VALUES (?, ?, 0)")) {
            ps.setString(1, nodeId);
            ps.setLong(2, to);
            ps.executeUpdate();
            return true;
        }
    }

    private void storeAcked(long through) throws SQLException {
        try (Connection c = edgeDb.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE sync_inbound_cursor SET acked_through = ?"
                        + " WHERE node_id = ? AND acked_through < ?")) {
            c.setAutoCommit(true);
            ps.setLong(1, through);
            ps.setString(2, nodeId);
            ps.setLong(3, through);
            ps.executeUpdate();
        }
    }

    private void run() {
        Backoff backoff = new Backoff(settings.minBackoff(), settings.maxBackoff(), settings.jitter(),
                ThreadLocalRandom.current());
        while (running) {
            try {
                int n = pullOnce();
                backoff.reset();
                if (n < settings.batchSize()) {
                    TimeUnit.NANOSECONDS.sleep(settings.pollInterval().toNanos());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SyncException | SQLException e) {
                lastError = e.getMessage();
                try {
                    TimeUnit.NANOSECONDS.sleep(backoff.nextWait().toNanos());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
