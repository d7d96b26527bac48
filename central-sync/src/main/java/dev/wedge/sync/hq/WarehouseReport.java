package dev.wedge.sync.hq;

import java.time.Instant;

/**
 * One warehouse in HQ's cross-warehouse report.
 *
 * @param warehouseId         the warehouse
 * @param lastContactAt       latest batch received
 * @param recordCount         records stored
 * @param contiguousThrough   every sequence up to this one is stored
 * @param edgeBacklog         pending records the edge last reported (null if never)
 * @param edgeOldestPendingAt creation time of the edge's oldest pending record, as last reported
 * @param backlogAgeSeconds   age of that record at report time, 0 when none
 * @param silentSeconds       seconds since last contact at report time
 */
public record WarehouseReport(String warehouseId, Instant lastContactAt, long recordCount, long contiguousThrough,
        Long edgeBacklog, Instant edgeOldestPendingAt, long backlogAgeSeconds, long silentSeconds) {
}
