package dev.wedge.sync.hq;

import java.time.Instant;

/**
 * Records of one kind created in one hour at one warehouse.
 *
 * @param warehouseId the warehouse
 * @param kind        record kind
 * @param hourStart   start of the hour (UTC)
 * @param count       records
 */
public record HourlyCount(String warehouseId, String kind, Instant hourStart, long count) {
}
