package dev.wedge.sync.hq;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What HQ knows about one warehouse.
 *
 * @param warehouseId       the warehouse
 * @param recordCount       records stored
 * @param firstContactAt    first batch received
 * @param lastContactAt     latest batch received (also empty ones)
 * @param contiguousThrough every sequence 1..contiguousThrough is stored
 * @param highestSeq        highest sequence stored (above contiguousThrough means a gap)
 * @param countsByKind      records per kind, sorted by kind
 */
public record WarehouseSummary(String warehouseId, long recordCount, Instant firstContactAt, Instant lastContactAt,
        long contiguousThrough, long highestSeq, Map<String, Long> countsByKind) {
    public WarehouseSummary {
        Objects.requireNonNull(warehouseId, "warehouseId");
        countsByKind = Map.copyOf(countsByKind);
    }
}
