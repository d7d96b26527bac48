package dev.wedge.edge.picking;

import java.time.Instant;
import java.util.List;

/**
 * A customer order as HQ sends it: where it goes (route, stop), when its truck leaves and from which dock door,
 * and what to pick.
 *
 * @param stopSequence the order's stop on its route, 1 for the first delivery; the last stop is loaded first
 */
public record Order(String orderId, String customer, String route, int stopSequence, Instant plannedDeparture,
                    String dockDoor, List<Line> lines) {

    /** One line of an order: a product and how many eaches. */
    public record Line(String sku, int quantity) {
        public Line {
            if (sku == null || sku.isBlank()) {
                throw new IllegalArgumentException("an order line needs a SKU, got '" + sku + "'");
            }
            if (quantity <= 0) {
                throw new IllegalArgumentException("order line of " + sku + " needs a positive quantity, got "
                        + quantity);
            }
        }
    }

    public Order {
        requireText(orderId, "order id");
        requireText(customer, "customer of order " + orderId);
        requireText(route, "route of order " + orderId);
        requireText(dockDoor, "dock door of order " + orderId);
        if (plannedDeparture == null) {
            throw new IllegalArgumentException("order " + orderId + " needs a planned departure");
        }
        if (stopSequence < 1) {
            throw new IllegalArgumentException("order " + orderId + " stop sequence " + stopSequence
                    + " must be 1 or more");
        }
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("order " + orderId + " has no lines");
        }
        lines = List.copyOf(lines);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank() || value.length() > 40) {
            throw new IllegalArgumentException(what + " must be 1 to 40 characters, got '" + value + "'");
        }
    }
}
