package dev.wedge.routing.model;

import java.util.Objects;

/**
 * A rest the driver must take: it starts inside {@code window} and lasts {@code duration}, at the place where the
 * vehicle is at that moment. It is owed only if the vehicle is still out when the window closes.
 */
public record DriverBreak(String id, TimeWindow window, double duration) {
    public DriverBreak {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(window, "window of break " + id);
        if (duration <= 0) {
            throw new IllegalArgumentException("Break " + id + " needs a positive duration, got " + duration);
        }
    }
}
