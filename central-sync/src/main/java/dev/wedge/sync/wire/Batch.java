package dev.wedge.sync.wire;

import java.util.List;

/**
 * What the edge POSTs to {@code /sync/v1/batches}: records of one warehouse, in the order the edge chose.
 *
 * @param warehouseId the sending warehouse (edge node id)
 * @param records     the records, never null
 */
public record Batch(String warehouseId, List<RecordEnvelope> records) {
    public Batch {
        Names.requireWarehouseId(warehouseId);
        records = List.copyOf(records == null ? List.of() : records);
    }
}
