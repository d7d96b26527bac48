package dev.wedge.sync.hq;

import dev.wedge.sync.wire.Ack;
import dev.wedge.sync.wire.Batch;
import dev.wedge.sync.wire.BatchAnswer;
import dev.wedge.sync.wire.RecordEnvelope;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Applies received batches to the store and decides whether the edge must resend from a gap. Independent of
 * HTTP so that another transport (or a Kafka consumer) can feed it.
 */
public final class BatchReceiver {
    private final HqStore store;
    private final Clock clock;

    public BatchReceiver(HqStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Stores the batch and answers it. {@code resendFrom} is set when HQ misses sequences below the lowest one
     * of the batch: the edge then resends from there (records HQ already has are acknowledged again, unchanged).
     */
    public BatchAnswer receive(Batch batch) {
        List<Ack> acks = store.store(batch, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        Long resendFrom = null;
        if (!batch.records().isEmpty()) {
            long lowest = batch.records().stream().mapToLong(RecordEnvelope::seq).min().orElseThrow();
            long through = store.contiguousThrough(batch.warehouseId());
            if (lowest > through + 1) {
                resendFrom = through + 1;
            }
        }
        return new BatchAnswer(batch.warehouseId(), acks, resendFrom);
    }
}
