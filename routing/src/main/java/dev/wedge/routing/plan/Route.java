package dev.wedge.routing.plan;

import java.util.List;
import java.util.Objects;

/**
 * One trip of one vehicle: leaves its depot at {@code departure}, makes its visits in order and is back at
 * {@code returnTime}. A multi-trip vehicle has several routes with increasing {@code trip} numbers (1, 2, ...).
 */
public record Route(String vehicleId, int trip, double departure, List<Visit> visits, double returnTime,
                    double distance) {
    public Route {
        Objects.requireNonNull(vehicleId, "vehicleId");
        visits = List.copyOf(visits);
        if (trip < 1) {
            throw new IllegalArgumentException("Trip numbers start at 1, got " + trip + " for " + vehicleId);
        }
    }
}
