package dev.wedge.sync.edge;

import dev.wedge.sync.SyncException;
import java.time.Instant;
import java.util.Objects;

/**
 * A record appended to the outbox.
 *
 * @param seq       per-node sequence (1, 2, 3, ... in commit order, no gaps)
 * @param key       idempotency key {@code <nodeId>:<seq>}
 * @param kind      event kind
 * @param payload   JSON text
 * @param createdAt when it was appended (millisecond precision)
 */
public record OutboxRecord(long seq, String key, String kind, String payload, Instant createdAt) {
    public OutboxRecord {
        if (seq < 1) {
            throw SyncException.invalid("Outbox sequence " + seq + " must be 1 or more.");
        }
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
