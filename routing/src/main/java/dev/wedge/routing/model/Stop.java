package dev.wedge.routing.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A customer visit: deliver (or collect) {@code demand} at {@code place}, taking {@code serviceTime}, starting
 * inside one of {@code windows}. Priority 1 is the most important, 10 the least; when not everything fits the
 * solver drops less important stops first. {@code pinnedVehicle}, when present, is the only vehicle allowed.
 */
public record Stop(String id, StopKind kind, Place place, Amount demand, double serviceTime, List<TimeWindow> windows,
                   int priority, Set<String> requiredSkills, Optional<String> pinnedVehicle) {
    public Stop {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind of stop " + id);
        Objects.requireNonNull(place, "place of stop " + id);
        Objects.requireNonNull(demand, "demand of stop " + id);
        windows = List.copyOf(windows);
        requiredSkills = Set.copyOf(requiredSkills);
        Objects.requireNonNull(pinnedVehicle, "pinnedVehicle of stop " + id);
        if (serviceTime < 0) {
            throw new IllegalArgumentException("Stop " + id + " has a negative service time " + serviceTime);
        }
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("Stop " + id + " needs at least one time window");
        }
        if (priority < 1 || priority > 10) {
            throw new IllegalArgumentException("Stop " + id + " has priority " + priority + ", expected 1..10");
        }
    }

    /** A delivery with one window, priority 2 and no skills or pin. */
    public static Stop delivery(String id, Place place, Amount demand, double serviceTime, TimeWindow window) {
        return new Stop(id, StopKind.DELIVERY, place, demand, serviceTime, List.of(window), 2, Set.of(), Optional.empty());
    }

    public Stop withWindows(List<TimeWindow> newWindows) {
        return new Stop(id, kind, place, demand, serviceTime, newWindows, priority, requiredSkills, pinnedVehicle);
    }

    public Stop withSkills(Set<String> skills) {
        return new Stop(id, kind, place, demand, serviceTime, windows, priority, skills, pinnedVehicle);
    }

    public Stop withPriority(int newPriority) {
        return new Stop(id, kind, place, demand, serviceTime, windows, newPriority, requiredSkills, pinnedVehicle);
    }

    public Stop pinnedTo(String vehicleId) {
        return new Stop(id, kind, place, demand, serviceTime, windows, priority, requiredSkills, Optional.of(vehicleId));
    }

    public Stop withKind(StopKind newKind) {
        return new Stop(id, newKind, place, demand, serviceTime, windows, priority, requiredSkills, pinnedVehicle);
    }
}
