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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the edge outbox to HQ on its own daemon threads: reads pending records in priority then sequence order,
 * posts them as one batch, and marks each record by HQ's per-record acknowledgement. Records HQ did not
 * acknowledge stay pending and are sent again; while HQ is unreachable the forwarder waits with a doubling
 * backoff between {@code minBackoff} and {@code maxBackoff}. Records are never deleted or changed except for
 * their delivery columns.
 *
 * <p>Batches are pipelined: a sending thread posts one batch while the forwarding thread reads and encodes the
 * next and marks the one before, so the edge's database work overlaps HQ's. At most one batch is in flight.
 *
 * <p>{@link #start()}, {@link #stop()}, {@link #nudge()} and {@link #status()} may be called from any thread.
 */
public final class OutboxForwarder {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxForwarder.class);
    private static final long BACKLOG_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final String nodeId;
    private final ForwarderSettings settings;
    private final OutboxTable outbox;
    private final HqClient sender;
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
    private volatile long lastRejected;
    private volatile Instant oldestPendingAt;
    private volatile boolean alarmRaised;
    private volatile long backlogReadAtNanos = Long.MIN_VALUE;
    private long backlogRefreshNanos = BACKLOG_REFRESH_NANOS;
    /** The batch HQ is answering; read and written by the forwarding thread only. */
    private InFlightBatch inFlight;
    private ExecutorService sending;

    /**
     * @param edgeDb     the edge database holding {@code sync_outbox} (migrated by {@link EdgeSyncSchema})
     * @param nodeId     this node's id, as used by {@link JdbcOutbox}
     * @param hqBaseUri  HQ's base URI, e.g. {@code http://hq:8080}
     * @param settings   batch size, polling and backoff
     */
    public OutboxForwarder(DataSource edgeDb, String nodeId, URI hqBaseUri, ForwarderSettings settings) {
        this(edgeDb, nodeId, hqBaseUri, settings, EdgeCredentials.none());
    }

    /**
     * Same as {@link #OutboxForwarder(DataSource, String, URI, ForwarderSettings)} with credentials: a TLS
     * context with this warehouse's client certificate (mutual TLS) and/or a bearer token.
     */
    public OutboxForwarder(DataSource edgeDb, String nodeId, URI hqBaseUri, ForwarderSettings settings,
            EdgeCredentials credentials) {
        this.nodeId = Names.requireWarehouseId(nodeId);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.outbox = new OutboxTable(Objects.requireNonNull(edgeDb, "edgeDb"), nodeId);
        this.sender = new HqClient(Objects.requireNonNull(hqBaseUri, "hqBaseUri"),
                Objects.requireNonNull(credentials, "credentials"), settings);
    }

    /** Starts the forwarding thread; calling it again while running does nothing. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        sending = Executors.newSingleThreadExecutor(r -> {
            Thread s = new Thread(r, "wedge-sync-sender-" + nodeId);
            s.setDaemon(true);
            return s;
        });
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
        sending.shutdownNow();
        try {
            t.join(TimeUnit.SECONDS.toMillis(10));
            sending.awaitTermination(10, TimeUnit.SECONDS);
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

    /**
     * A snapshot; backlog, rejected count and oldest pending record are what the database says at this call (the
     * last known values if it cannot be read), never the forwarding thread's running estimate between counts,
     * which only goes to HQ with each batch. The alarm compares them with the configured thresholds.
     */
    public ForwarderStatus status() {
        Pending now = refreshBacklog();
        return new ForwarderStatus(now.backlog(), lastAckAt, lastError, hqReachable, sent.get(), acked.get(),
                now.rejected(), now.oldest(), now.alarm());
    }

    /** Pending figures as one call read them, so another thread's update cannot mix into them. */
    private record Pending(long backlog, long rejected, Instant oldest, boolean alarm) {
    }

    private Pending refreshBacklog() {
        long backlog = lastBacklog;
        long rejected = lastRejected;
        Instant oldest = oldestPendingAt;
        try {
            backlog = outbox.backlog();
            rejected = outbox.rejected();
            oldest = outbox.oldestPending();
            lastBacklog = backlog;
            lastRejected = rejected;
            oldestPendingAt = oldest;
            backlogReadAtNanos = System.nanoTime();
        } catch (SQLException e) {
            LOG.debug("Backlog of {} not readable: {}", nodeId, e.toString());
        }
        boolean alarm = backlog > settings.alarmBacklogSize() || (oldest != null
                && oldest.plus(settings.alarmBacklogAge()).isBefore(clock.instant()));
        if (alarm && !alarmRaised) {
            LOG.warn("Sync backlog alarm for {}: {} records pending, oldest from {}", nodeId, backlog, oldest);
        }
        alarmRaised = alarm;
        return new Pending(backlog, rejected, oldest, alarm);
    }

    private void run() {
        Backoff backoff = new Backoff(settings.minBackoff(), settings.maxBackoff(), settings.jitter(),
                ThreadLocalRandom.current());
        try {
            while (running) {
                step(backoff);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // A batch still in flight stays pending and is sent again by the next start.
            inFlight = null;
        }
    }

    /** One round: a batch, an idle wait or a backoff. */
    private void step(Backoff backoff) throws InterruptedException {
        try {
            if (forwardOneBatch()) {
                backoff.reset();
            } else {
                pause(settings.pollInterval());
            }
        } catch (SyncException e) {
            fail(e.getMessage(), e.code() != SyncErrorCode.HQ_UNREACHABLE);
            backOff(backoff.nextWait(), e.code() == SyncErrorCode.HQ_UNREACHABLE);
        } catch (SQLException e) {
            fail("Edge database failed: " + e.getMessage(), hqReachable);
            backOff(backoff.nextWait(), false);
        } catch (RuntimeException e) {
            // A bug must not stop forwarding for good: report it and retry like any other failure.
            LOG.error("Unexpected failure while forwarding for {}", nodeId, e);
            fail(e.toString(), hqReachable);
            backOff(backoff.nextWait(), false);
        }
    }

    /**
     * One round of the pipeline: reads (and encodes) the next batch while the previous one is with HQ, then
     * waits for HQ's answer, sends the next batch and only then marks the previous one, so the edge's database
     * work overlaps HQ's. One batch is in flight at a time, so HQ sees batches in the order they were read.
     * False when there was nothing to send and nothing in flight.
     */
    private boolean forwardOneBatch() throws SQLException, InterruptedException {
        InFlightBatch previous = inFlight;
        List<RecordEnvelope> next = outbox.pending(settings.batchSize(), settings.maxBatchBytes(),
                previous == null ? List.of() : previous.records());
        HqClient.EncodedBatch encoded = next.isEmpty() ? null : encode(next);
        if (previous == null) {
            if (encoded != null) {
                inFlight = submit(next, encoded);
            }
            return encoded != null;
        }
        inFlight = null;
        BatchAnswer answer;
        try {
            answer = previous.await();
        } catch (SyncException e) {
            outbox.markFailed(previous.records(), e.getMessage(), previous.sentAt());
            throw e;
        }
        Map<Long, Ack> matching = matching(previous.records(), answer);
        // Anything but a clean answer (a gap, a rejection, a missing ack) is applied before the next read, as
        // without the pipeline; the batch read meanwhile is dropped and read again.
        if (encoded != null && answer.resendFrom() == null && allStored(previous.records(), matching)) {
            inFlight = submit(next, encoded);
        }
        apply(previous, answer, matching);
        return true;
    }

    private HqClient.EncodedBatch encode(List<RecordEnvelope> batch) {
        long start = System.nanoTime();
        if (start - backlogReadAtNanos > backlogRefreshNanos) {
            refreshBacklog();
            // Counting a large backlog takes long (a million pending records: most of a second), so count at
            // most 2 % of the time; in between the acknowledgements are subtracted from the last count.
            backlogRefreshNanos = Math.max(BACKLOG_REFRESH_NANOS, 50 * (System.nanoTime() - start));
        }
        return sender.encode(new Batch(nodeId, batch, lastBacklog, oldestPendingAt));
    }

    private InFlightBatch submit(List<RecordEnvelope> batch, HqClient.EncodedBatch encoded) {
        sent.addAndGet(batch.size());
        return new InFlightBatch(batch, clock.instant(), sending.submit(() -> sender.send(encoded)));
    }

    private static Map<Long, Ack> matching(List<RecordEnvelope> batch, BatchAnswer answer) {
        Map<Long, RecordEnvelope> bySeq = new HashMap<>();
        batch.forEach(r -> bySeq.put(r.seq(), r));
        Map<Long, Ack> matching = new HashMap<>();
        for (Ack ack : answer.acks()) {
            RecordEnvelope r = bySeq.get(ack.seq());
            if (r != null && r.key().equals(ack.key())) {
                matching.put(ack.seq(), ack);
            }
        }
        return matching;
    }

    private static boolean allStored(List<RecordEnvelope> batch, Map<Long, Ack> matching) {
        return matching.size() == batch.size() && matching.values().stream().allMatch(Ack::stored);
    }

    private void apply(InFlightBatch done, BatchAnswer answer, Map<Long, Ack> matching) throws SQLException {
        List<RecordEnvelope> batch = done.records();
        Instant now = clock.instant();
        int ackedNow = outbox.applyAcks(batch, matching, done.sentAt(), now);
        if (ackedNow > 0) {
            acked.addAndGet(ackedNow);
            lastAckAt = now;
            // An estimate for HQ's view until the next count; status() always counts, because this subtraction
            // can overwrite a count just read by another thread with a figure that is too low.
            lastBacklog = Math.max(0, lastBacklog - ackedNow);
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


    /**
     * Waits for the (already jittered) backoff. While HQ is unreachable it probes HQ's health endpoint every
     * {@code probeInterval} and ends the wait as soon as HQ answers, so a long backoff never delays the first
     * record after HQ returns by more than about one probe interval.
     */
    private void backOff(Duration wait, boolean probe) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (running) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            if (!pause(Duration.ofNanos(probe ? Math.min(left, settings.probeInterval().toNanos()) : left))) {
                return;
            }
            if (probe && System.nanoTime() < deadline && sender.probe()) {
                LOG.info("HQ is reachable again for {}", nodeId);
                return;
            }
        }
    }

    /** Waits; false when woken early by a nudge or stop. */
    private boolean pause(Duration d) {
        lock.lock();
        try {
            long nanos = d.toNanos();
            while (running && !nudged && nanos > 0) {
                nanos = wake.awaitNanos(nanos);
            }
            boolean full = !nudged && running;
            nudged = false;
            return full;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
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
