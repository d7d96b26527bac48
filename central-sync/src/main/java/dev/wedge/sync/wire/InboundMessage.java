package dev.wedge.sync.wire;

import dev.wedge.sync.SyncException;
import java.time.Instant;
import java.util.Objects;

/**
 * One message HQ sends down (an order, customer, product, location or price change).
 *
 * @param cursor    position in HQ's stream; increases with every message, in commit order
 * @param kind      what it is ({@code order}, {@code order-cancelled}, {@code product}, ...)
 * @param key       the entity it concerns ({@code order:4711}, {@code product:P-1})
 * @param payload   JSON text
 * @param createdAt when HQ published it
 */
public record InboundMessage(long cursor, String kind, String key, String payload, Instant createdAt) {
    public InboundMessage {
        if (cursor < 1) {
            throw SyncException.invalid("Inbound cursor " + cursor + " must be 1 or more.");
        }
        Names.requireKind(kind);
        if (key == null || key.isBlank() || key.length() > 100) {
            throw SyncException.invalid("Inbound message " + cursor + " needs an entity key of 1-100 characters.");
        }
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
