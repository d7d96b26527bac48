package dev.wedge.sync.wire;

import dev.wedge.sync.SyncException;
import java.time.Instant;
import java.util.Objects;

/**
 * One outbox record as it travels to HQ. The payload is JSON text carried as a string so that HQ keeps
 * exactly the bytes the edge wrote (checksums on both sides agree).
 *
 * @param seq       per-warehouse sequence, 1, 2, 3, ... without gaps
 * @param key       idempotency key, {@code <warehouseId>:<seq>}
 * @param kind      what happened ({@code movement}, {@code pick}, ...)
 * @param priority  0 (most urgent) to 9
 * @param createdAt when the edge committed the record
 * @param payload   JSON text
 */
public record RecordEnvelope(long seq, String key, String kind, int priority, Instant createdAt, String payload) {
    public RecordEnvelope {
        if (seq < 1) {
            throw SyncException.invalid("Record sequence " + seq + " must be 1 or more.");
        }
        if (key == null || key.isBlank()) {
            throw SyncException.invalid("Record " + seq + " has no idempotency key.");
        }
        Names.requireKind(kind);
        if (priority < 0 || priority > 9) {
            throw SyncException.invalid("Record " + key + " has priority " + priority + "; it must be 0-9.");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        if (payload == null) {
            throw SyncException.invalid("Record " + key + " has no payload.");
        }
    }
}
