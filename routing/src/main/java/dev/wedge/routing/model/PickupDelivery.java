package dev.wedge.routing.model;

import java.util.Objects;

/**
 * Goods collected at {@code pickup} and brought to {@code delivery} by the same vehicle, pickup first. The pair's
 * demand, skills and priority are those of the pickup stop; the delivery stop's demand is ignored.
 */
public record PickupDelivery(String id, Stop pickup, Stop delivery) {
    public PickupDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pickup, "pickup of pair " + id);
        Objects.requireNonNull(delivery, "delivery of pair " + id);
        if (pickup.id().equals(delivery.id())) {
            throw new IllegalArgumentException("Pair " + id + " has the same stop id for pickup and delivery");
        }
    }
}
