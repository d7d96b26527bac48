package dev.wedge.sync.wire;

import java.util.List;

/**
 * HQ's answer to {@code GET /sync/v1/inbound?warehouse=..&after=..&limit=..}.
 *
 * @param warehouseId the warehouse asking
 * @param messages    messages with cursor above {@code after}, in cursor order
 * @param hasMore     more messages wait beyond this page
 */
public record InboundPage(String warehouseId, List<InboundMessage> messages, boolean hasMore) {
    public InboundPage {
        Names.requireWarehouseId(warehouseId);
        messages = List.copyOf(messages == null ? List.of() : messages);
    }
}
