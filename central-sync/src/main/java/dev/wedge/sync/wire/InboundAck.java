package dev.wedge.sync.wire;

import dev.wedge.sync.SyncException;

/**
 * The edge's acknowledgement ({@code POST /sync/v1/inbound/acks}): every message up to {@code through} is
 * applied (or parked as a conflict) in the edge database.
 *
 * @param warehouseId the acknowledging warehouse
 * @param through     highest applied cursor
 */
public record InboundAck(String warehouseId, long through) {
    public InboundAck {
        Names.requireWarehouseId(warehouseId);
        if (through < 0) {
            throw SyncException.invalid("Inbound ack cursor " + through + " must not be negative.");
        }
    }
}
