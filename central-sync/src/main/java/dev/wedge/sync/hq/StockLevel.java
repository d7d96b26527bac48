package dev.wedge.sync.hq;

import java.math.BigDecimal;

/**
 * Stock of one product at one warehouse, as the sum of the quantities of its movement records.
 *
 * @param warehouseId the warehouse
 * @param product     product id as sent ({@code product} or {@code sku} field)
 * @param quantity    sum of {@code qty}
 */
public record StockLevel(String warehouseId, String product, BigDecimal quantity) {
}
