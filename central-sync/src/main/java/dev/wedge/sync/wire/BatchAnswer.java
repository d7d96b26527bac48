package dev.wedge.sync.wire;

import java.util.List;

/**
 * HQ's answer to a batch: one ack per record in the batch order, and, when HQ finds that it misses records
 * the edge apparently believes delivered, the sequence to resend from.
 *
 * @param warehouseId the warehouse the batch came from
 * @param acks        one per record of the batch
 * @param resendFrom  the lowest sequence HQ is missing below the batch, or null when there is no gap
 */
public record BatchAnswer(String warehouseId, List<Ack> acks, Long resendFrom) {
    public BatchAnswer {
        Names.requireWarehouseId(warehouseId);
        acks = List.copyOf(acks == null ? List.of() : acks);
    }
}
