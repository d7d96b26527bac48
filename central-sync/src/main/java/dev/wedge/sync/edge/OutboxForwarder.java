package dev.wedge.sync.edge;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import dev.wedge.sync.wire.Ack;
import dev.wedge.sync.wire.Batch;
import dev.wedge.sync.wire.BatchAnswer;
import dev.wedge.sync.wire.Names;
import dev.wedge.sync.wire.RecordEnvelope;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the edge outbox to HQ on its own daemon thread: reads pending records in priority then sequence order,
 * posts them as one batch, and marks each record by HQ's per-record acknowledgement. Records HQ did not
 * acknowledge stay pending and are sent again; while HQ is unreachable the forwarder waits with a doubling
 * backoff between {@code minBackoff} and {@code maxBackoff}. Records are never deleted or changed except for
 * their delivery columns.
 *
 * <p>{@link #start()}, {@link #stop()}, {@link #nudge()} and {@link #status()} may be called from any thread.
 */
public final class OutboxForwarder {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxForwarder.class);

    private final String nodeId;
    private final ForwarderSettings settings;
    private final OutboxTable outbox;
    private final HttpBatchSender sender;
    private final Clock clock = Clock.systemUTC();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private volatile boolean running;
    private volatile boolean nudged;
    private volatile Thread thread;
    private volatile Instant lastAckAt;
    private volatile String lastError;
    private volatile boolean hqReachable;
    private volatile long lastBacklog;

    /**
     * @param edgeDb     the edge database holding {@code sync_outbox} (migrated by {@link EdgeSyncSchema})
     * @param nodeId     this node's id, as used by {@link JdbcOutbox}
     * @param hqBaseUri  HQ's base URI, e.g. {@code http://hq:8080}
     * @param settings   batch size, polling and backoff
     */
    public OutboxForwarder(DataSource edgeDb, String nodeId, URI hqBaseUri, ForwarderSettings settings) {
        this.nodeId = Names.requireWarehouseId(nodeId);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.outbox = new OutboxTable(Objects.requireNonNull(edgeDb, "edgeDb"), nodeId);
        this.sender = new HttpBatchSender(Objects.requireNonNull(hqBaseUri, "hqBaseUri"));
    }

    /** Starts the forwarding thread; calling it again while running does nothing. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread t = new Thread(this::run, "wedge-sync-forwarder-" + nodeId);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Stops the thread and waits (up to 10 s) for it to end. Records in flight stay pending. */
    public synchronized void stop() {
        Thread t = thread;
        if (t == null) {
            return;
        }
        running = false;
        signal();
        t.interrupt();
        try {
            t.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    /** Asks the forwarder to look at the outbox now instead of at the end of its current wait. */
    public void nudge() {
        nudged = true;
        signal();
    }

    /** A snapshot; the backlog is read from the database (the last known value if that fails). */
    public ForwarderStatus status() {
        try {
            lastBacklog = outbox.backlog();
        } catch (SQLException e) {
            LOG.debug("Backlog of {} not readable: {}", nodeId, e.toString());
        }
        return new ForwarderStatus(lastBacklog, lastAckAt, lastError, hqReachable, sent.get(), acked.get());
    }

    private void run() {
        Duration backoff = settings.minBackoff();
        while (running) {
            try {
                if (forwardOneBatch()) {
                    backoff = settings.minBackoff();
                } else {
                    pause(settings.pollInterval());
                }
            } catch (SyncException e) {
                fail(e.getMessage(), e.code() != SyncErrorCode.HQ_UNREACHABLE);
                pause(backoff);
                backoff = next(backoff);
            } catch (SQLException e) {
                fail("Edge database failed: " + e.getMessage(), hqReachable);
                pause(backoff);
                backoff = next(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Sends one batch; false when there was nothing to send. */
    private boolean forwardOneBatch() throws SQLException, InterruptedException {
        List<RecordEnvelope> batch = outbox.pending(settings.batchSize());
        if (batch.isEmpty()) {
            return false;
        }
        outbox.markSent(batch, clock.instant());
        sent.addAndGet(batch.size());
        BatchAnswer answer;
        try {
            answer = sender.send(new Batch(nodeId, batch));
        } catch (SyncException e) {
            outbox.markFailed(batch, e.getMessage());
            throw e;
        }
        apply(batch, answer);
        return true;
    }

    private void apply(List<RecordEnvelope> batch, BatchAnswer answer) throws SQLException {
        Map<Long, RecordEnvelope> bySeq = new HashMap<>();
        batch.forEach(r -> bySeq.put(r.seq(), r));
        Map<Long, Ack> matching = new HashMap<>();
        for (Ack ack : answer.acks()) {
            RecordEnvelope r = bySeq.get(ack.seq());
            if (r != null && r.key().equals(ack.key())) {
                matching.put(ack.seq(), ack);
            }
        }
        Instant now = clock.instant();
        int ackedNow = outbox.applyAcks(matching, now);
        if (ackedNow > 0) {
            acked.addAndGet(ackedNow);
            lastAckAt = now;
        }
        if (answer.resendFrom() != null) {
            long lowest = batch.stream().mapToLong(RecordEnvelope::seq).min().orElseThrow();
            int reopened = outbox.reopen(answer.resendFrom(), lowest);
            LOG.warn("HQ misses records of {} from {}; {} acknowledged records will be sent again", nodeId,
                    answer.resendFrom(), reopened);
        }
        hqReachable = true;
        lastError = matching.size() == batch.size() ? null : "HQ acknowledged " + matching.size() + " of "
                + batch.size() + " records";
    }

    private void fail(String message, boolean reachable) {
        hqReachable = reachable;
        lastError = message;
        LOG.debug("Forwarding for {} failed: {}", nodeId, message);
    }

    private Duration next(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
    }

    private void pause(Duration d) {
        lock.lock();
        try {
            long nanos = d.toNanos();
            while (running && !nudged && nanos > 0) {
                nanos = wake.awaitNanos(nanos);
            }
            nudged = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
