package dev.wedge.routing.jsprit;

import dev.wedge.routing.model.DriverBreak;
import dev.wedge.routing.model.Vehicle;
import java.util.List;

/**
 * One trip of a Wedge vehicle as jsprit sees it: a separate jsprit vehicle that may leave from
 * {@code earliestStart}, owing the breaks not yet taken on earlier trips (jsprit plans the first of them).
 */
record TripVehicle(Vehicle vehicle, int trip, double earliestStart, List<DriverBreak> pendingBreaks) {
    TripVehicle {
        pendingBreaks = List.copyOf(pendingBreaks);
    }

    static TripVehicle first(Vehicle vehicle) {
        return new TripVehicle(vehicle, 1, vehicle.shift().start(), vehicle.breaks());
    }

    String jspritId() {
        return vehicle.id() + "#" + trip;
    }
}
