package dev.wedge.sync.hq;

import java.time.Instant;
import java.util.Objects;

/**
 * A record as HQ holds it.
 *
 * @param warehouseId the warehouse that sent it
 * @param seq         its per-warehouse sequence
 * @param key         its idempotency key
 * @param kind        event kind
 * @param priority    0-9 as sent
 * @param payload     JSON text exactly as the edge wrote it
 * @param createdAt   when the edge committed it
 * @param receivedAt  when HQ first stored it
 */
public record StoredRecord(String warehouseId, long seq, String key, String kind, int priority, String payload,
        Instant createdAt, Instant receivedAt) {
    public StoredRecord {
        Objects.requireNonNull(warehouseId, "warehouseId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
