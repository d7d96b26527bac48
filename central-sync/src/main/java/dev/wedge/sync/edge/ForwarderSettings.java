package dev.wedge.sync.edge;

import dev.wedge.sync.SyncException;
import java.time.Duration;

/**
 * How the {@link OutboxForwarder} drains the outbox.
 *
 * @param batchSize        most records per batch
 * @param pollInterval     how long to wait before looking again when the outbox is empty
 * @param minBackoff       first wait after a failed send
 * @param maxBackoff       cap of the doubling wait while HQ stays unreachable
 * @param maxBatchBytes    most payload bytes per batch (a single larger record still goes alone)
 * @param compress         gzip the request body
 * @param jitter           0-1: the share of each backoff wait that is randomised, so that many warehouses
 *                         coming back after an HQ outage do not retry in step
 * @param probeInterval    while backing off, how often to ask HQ's health endpoint whether it is back; this
 *                         bounds how long after HQ returns the first record is sent
 * @param requestTimeout   longest wait for HQ's answer to one batch
 * @param alarmBacklogSize raise the backlog alarm when more records than this are pending
 * @param alarmBacklogAge  raise the backlog alarm when the oldest pending record is older than this
 */
public record ForwarderSettings(int batchSize, Duration pollInterval, Duration minBackoff, Duration maxBackoff,
        int maxBatchBytes, boolean compress, double jitter, Duration probeInterval, Duration requestTimeout,
        long alarmBacklogSize, Duration alarmBacklogAge) {
    /** Default byte bound of a batch: 4 MiB of payload. */
    public static final int DEFAULT_BATCH_BYTES = 4 * 1024 * 1024;

    public ForwarderSettings {
        if (batchSize < 1 || batchSize > 10_000) {
            throw SyncException.invalid("Forwarder batchSize " + batchSize + " must be 1-10000.");
        }
        requirePositive(pollInterval, "pollInterval");
        requirePositive(minBackoff, "minBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        requirePositive(probeInterval, "probeInterval");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(alarmBacklogAge, "alarmBacklogAge");
        if (maxBackoff.compareTo(minBackoff) < 0) {
            throw SyncException.invalid("Forwarder maxBackoff " + maxBackoff + " is below minBackoff " + minBackoff
                    + ".");
        }
        if (maxBatchBytes < 1024) {
            throw SyncException.invalid("Forwarder maxBatchBytes " + maxBatchBytes + " must be at least 1024.");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw SyncException.invalid("Forwarder jitter " + jitter + " must be between 0 and 1.");
        }
        if (alarmBacklogSize < 1) {
            throw SyncException.invalid("Forwarder alarmBacklogSize " + alarmBacklogSize + " must be 1 or more.");
        }
    }

    /** The phase-one shape: the given batching and backoff, everything else as in {@link #defaults()}. */
    public ForwarderSettings(int batchSize, Duration pollInterval, Duration minBackoff, Duration maxBackoff) {
        this(batchSize, pollInterval, minBackoff, maxBackoff, DEFAULT_BATCH_BYTES, true, 0.5,
                Duration.ofSeconds(1), Duration.ofSeconds(30), 100_000, Duration.ofHours(1));
    }

    /**
     * 500 records or 4 MiB per batch, gzip, poll every 200 ms, back off from 250 ms up to 30 s with 50 %
     * jitter, probe HQ every second while backing off, alarm above 100,000 pending records or one hour.
     */
    public static ForwarderSettings defaults() {
        return new ForwarderSettings(500, Duration.ofMillis(200), Duration.ofMillis(250), Duration.ofSeconds(30));
    }

    /** A copy with other batch bounds. */
    public ForwarderSettings withBatch(int size, int bytes) {
        return new ForwarderSettings(size, pollInterval, minBackoff, maxBackoff, bytes, compress, jitter,
                probeInterval, requestTimeout, alarmBacklogSize, alarmBacklogAge);
    }

    /** A copy with compression switched on or off. */
    public ForwarderSettings withCompression(boolean on) {
        return new ForwarderSettings(batchSize, pollInterval, minBackoff, maxBackoff, maxBatchBytes, on, jitter,
                probeInterval, requestTimeout, alarmBacklogSize, alarmBacklogAge);
    }

    /** A copy with other alarm thresholds. */
    public ForwarderSettings withAlarm(long size, Duration age) {
        return new ForwarderSettings(batchSize, pollInterval, minBackoff, maxBackoff, maxBatchBytes, compress, jitter,
                probeInterval, requestTimeout, size, age);
    }

    /** A copy with another probe interval and request timeout. */
    public ForwarderSettings withProbe(Duration probe, Duration timeout) {
        return new ForwarderSettings(batchSize, pollInterval, minBackoff, maxBackoff, maxBatchBytes, compress, jitter,
                probe, timeout, alarmBacklogSize, alarmBacklogAge);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw SyncException.invalid("Forwarder " + name + " " + d + " must be a positive duration.");
        }
    }
}
