package dev.wedge.sync.wire;

import java.time.Instant;
import java.util.List;

/**
 * What the edge POSTs to {@code /sync/v1/batches}: records of one warehouse, in the order the edge chose, and
 * what the edge last knew of its backlog (for HQ's reports).
 *
 * @param warehouseId     the sending warehouse (edge node id)
 * @param records         the records, never null
 * @param backlog         records pending at the edge, null when not reported
 * @param oldestPendingAt creation time of the oldest pending record, null when none or not reported
 */
public record Batch(String warehouseId, List<RecordEnvelope> records, Long backlog, Instant oldestPendingAt) {
    public Batch {
        Names.requireWarehouseId(warehouseId);
        records = List.copyOf(records == null ? List.of() : records);
    }

    /** A batch without backlog information. */
    public Batch(String warehouseId, List<RecordEnvelope> records) {
        this(warehouseId, records, null, null);
    }
}
