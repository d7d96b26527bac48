package dev.wedge.routing.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One truck and its driver's shift: it leaves its depot no earlier than the shift start and is back by the shift
 * end. {@code maxTrips} above one lets it return to the depot to reload ({@code reloadTime} per return) and go
 * out again within the same shift.
 */
public record Vehicle(String id, VehicleType type, String depotId, TimeWindow shift, List<DriverBreak> breaks,
                      Set<String> skills, int maxTrips, double reloadTime) {
    public Vehicle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type of vehicle " + id);
        Objects.requireNonNull(depotId, "depot of vehicle " + id);
        Objects.requireNonNull(shift, "shift of vehicle " + id);
        breaks = List.copyOf(breaks);
        skills = Set.copyOf(skills);
        if (maxTrips < 1) {
            throw new IllegalArgumentException("Vehicle " + id + " needs at least one trip, got " + maxTrips);
        }
        if (reloadTime < 0) {
            throw new IllegalArgumentException("Vehicle " + id + " has a negative reload time " + reloadTime);
        }
    }

    /** A single-trip vehicle without breaks or skills. */
    public static Vehicle simple(String id, VehicleType type, String depotId, TimeWindow shift) {
        return new Vehicle(id, type, depotId, shift, List.of(), Set.of(), 1, 0);
    }

    public Vehicle withBreaks(List<DriverBreak> newBreaks) {
        return new Vehicle(id, type, depotId, shift, newBreaks, skills, maxTrips, reloadTime);
    }

    public Vehicle withSkills(Set<String> newSkills) {
        return new Vehicle(id, type, depotId, shift, breaks, newSkills, maxTrips, reloadTime);
    }

    public Vehicle withTrips(int trips, double reload) {
        return new Vehicle(id, type, depotId, shift, breaks, skills, trips, reload);
    }

    public Vehicle withShift(TimeWindow newShift) {
        return new Vehicle(id, type, depotId, newShift, breaks, skills, maxTrips, reloadTime);
    }
}
