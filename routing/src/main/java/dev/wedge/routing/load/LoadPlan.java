package dev.wedge.routing.load;

import java.util.List;
import java.util.Objects;

/**
 * How one trip's truck is loaded: at which dock door, when it must leave, in which order the stops' goods go on
 * (the last stop first, so the first stop's pallets stand at the doors), where every pallet stands, the axle
 * loads, and any problem found (more pallets than places, an axle over its limit).
 */
public record LoadPlan(String vehicleId, int trip, String dockDoor, double loadingStart, double departure,
                       List<String> loadingSequence, List<PalletSlot> slots, AxleLoads axles, List<String> problems) {
    public LoadPlan {
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(dockDoor, "dockDoor");
        loadingSequence = List.copyOf(loadingSequence);
        slots = List.copyOf(slots);
        Objects.requireNonNull(axles, "axles");
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
