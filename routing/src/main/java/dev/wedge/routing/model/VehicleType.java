package dev.wedge.routing.model;

import java.util.Objects;

/**
 * What kind of vehicle: its capacity in every dimension and its costs (a fixed cost for using it at all, a cost
 * per distance unit and per time unit driven).
 */
public record VehicleType(String id, Amount capacity, double fixedCost, double costPerDistance, double costPerTime) {
    public VehicleType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(capacity, "capacity of vehicle type " + id);
        if (fixedCost < 0 || costPerDistance < 0 || costPerTime < 0) {
            throw new IllegalArgumentException("Vehicle type " + id + " has a negative cost");
        }
    }

    /** A type that costs one per distance unit and nothing else. */
    public static VehicleType distanceOnly(String id, Amount capacity) {
        return new VehicleType(id, capacity, 0, 1, 0);
    }
}
