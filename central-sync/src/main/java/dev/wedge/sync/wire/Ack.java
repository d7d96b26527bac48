package dev.wedge.sync.wire;

import java.time.Instant;
import java.util.Objects;

/**
 * HQ's acknowledgement of one record. A repeat of a stored record is answered with an equal {@code Ack}
 * (same status, same {@code receivedAt} as the first time).
 *
 * @param seq        the record's sequence
 * @param key        the record's idempotency key
 * @param status     stored or rejected
 * @param code       for a rejection the {@link dev.wedge.sync.SyncErrorCode} name, else null
 * @param receivedAt when HQ first stored the record; null for a rejection
 */
public record Ack(long seq, String key, AckStatus status, String code, Instant receivedAt) {
    public Ack {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
    }

    /** True when the record is held by HQ. */
    public boolean stored() {
        return status == AckStatus.STORED;
    }
}
