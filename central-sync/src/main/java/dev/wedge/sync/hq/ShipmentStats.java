package dev.wedge.sync.hq;

/**
 * Shipments of one warehouse.
 *
 * @param warehouseId     the warehouse
 * @param shipments       distinct shipments seen (shipped or delivered)
 * @param delivered       shipments with a proof of delivery
 * @param deliveredWithDue delivered shipments that carried a due time
 * @param onTime          of those, delivered at or before the due time
 * @param onTimeRate      onTime / deliveredWithDue, null when there is none
 */
public record ShipmentStats(String warehouseId, long shipments, long delivered, long deliveredWithDue, long onTime,
        Double onTimeRate) {
}
