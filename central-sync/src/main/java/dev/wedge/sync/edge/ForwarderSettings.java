package dev.wedge.sync.edge;

import dev.wedge.sync.SyncException;
import java.time.Duration;

/**
 * How the {@link OutboxForwarder} drains the outbox.
 *
 * @param batchSize    most records per batch
 * @param pollInterval how long to wait before looking again when the outbox is empty
 * @param minBackoff   first wait after a failed send
 * @param maxBackoff   cap of the doubling wait while HQ stays unreachable
 */
public record ForwarderSettings(int batchSize, Duration pollInterval, Duration minBackoff, Duration maxBackoff) {
    public ForwarderSettings {
        if (batchSize < 1 || batchSize > 10_000) {
            throw SyncException.invalid("Forwarder batchSize " + batchSize + " must be 1-10000.");
        }
        requirePositive(pollInterval, "pollInterval");
        requirePositive(minBackoff, "minBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        if (maxBackoff.compareTo(minBackoff) < 0) {
            throw SyncException.invalid("Forwarder maxBackoff " + maxBackoff + " is below minBackoff " + minBackoff
                    + ".");
        }
    }

    /** 500 records per batch, poll every 200 ms, back off from 250 ms up to 30 s. */
    public static ForwarderSettings defaults() {
        return new ForwarderSettings(500, Duration.ofMillis(200), Duration.ofMillis(250), Duration.ofSeconds(30));
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw SyncException.invalid("Forwarder " + name + " " + d + " must be a positive duration.");
        }
    }
}
