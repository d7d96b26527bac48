package dev.wedge.routing.model;

import dev.wedge.routing.RoutingErrorCode;
import dev.wedge.routing.RoutingException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything a day's planning needs: depots, the fleet, single stops and pickup-delivery pairs. Construction
 * checks that ids are unique, that every vehicle names a known depot and every pin a known vehicle, and that all
 * amounts have the same number of dimensions; a bad problem throws {@link RoutingException} with
 * {@link RoutingErrorCode#INVALID_PROBLEM} naming the first offending id.
 */
public record Problem(String name, List<Depot> depots, List<Vehicle> vehicles, List<Stop> stops,
                      List<PickupDelivery> pairs) {
    public Problem {
        depots = List.copyOf(depots);
        vehicles = List.copyOf(vehicles);
        stops = List.copyOf(stops);
        pairs = List.copyOf(pairs);
        validate(depots, vehicles, stops, pairs);
    }

    /** A problem of single stops only. */
    public static Problem of(String name, List<Depot> depots, List<Vehicle> vehicles, List<Stop> stops) {
        return new Problem(name, depots, vehicles, stops, List.of());
    }

    public Depot depot(String id) {
        return depots.stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> invalid("Unknown depot " + id));
    }

    public Vehicle vehicle(String id) {
        return vehicles.stream().filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow(() -> invalid("Unknown vehicle " + id));
    }

    /** Every stop, single or part of a pair. */
    public Stream<Stop> allStops() {
        return Stream.concat(stops.stream(), pairs.stream().flatMap(p -> Stream.of(p.pickup(), p.delivery())));
    }

    /** Ids of every job the plan must account for: single stop ids and pair ids. */
    public Set<String> jobIds() {
        Set<String> ids = new HashSet<>();
        stops.forEach(s -> ids.add(s.id()));
        pairs.forEach(p -> ids.add(p.id()));
        return ids;
    }

    public int dimensions() {
        return vehicles.isEmpty() ? 1 : vehicles.get(0).type().capacity().dimensions();
    }

    public Problem withStops(List<Stop> newStops) {
        return new Problem(name, depots, vehicles, newStops, pairs);
    }

    public Problem withVehicles(List<Vehicle> newVehicles) {
        return new Problem(name, depots, newVehicles, stops, pairs);
    }

    private static void validate(List<Depot> depots, List<Vehicle> vehicles, List<Stop> stops,
                                 List<PickupDelivery> pairs) {
        Set<String> depotIds = new HashSet<>();
        depots.forEach(d -> requireNew(depotIds, d.id(), "depot"));
        Map<String, Vehicle> byId = new HashMap<>();
        for (Vehicle v : vehicles) {
            if (byId.put(v.id(), v) != null) {
                throw invalid("Duplicate vehicle id " + v.id());
            }
            if (!depotIds.contains(v.depotId())) {
                throw invalid("Vehicle " + v.id() + " names unknown depot " + v.depotId());
            }
        }
        int dims = vehicles.isEmpty() ? -1 : vehicles.get(0).type().capacity().dimensions();
        Set<String> jobIds = new HashSet<>();
        Stream.concat(stops.stream().map(Stop::id), pairs.stream().map(PickupDelivery::id))
                .forEach(id -> requireNew(jobIds, id, "job"));
        Set<String> stopIds = new HashSet<>();
        Stream.concat(stops.stream(), pairs.stream().flatMap(p -> Stream.of(p.pickup(), p.delivery())))
                .forEach(s -> {
                    requireNew(stopIds, s.id(), "stop");
                    s.pinnedVehicle().filter(p -> !byId.containsKey(p)).ifPresent(p -> {
                        throw invalid("Stop " + s.id() + " is pinned to unknown vehicle " + p);
                    });
                });
        for (Vehicle v : vehicles) {
            checkDims(dims, v.type().capacity().dimensions(), "vehicle " + v.id());
        }
        stops.forEach(s -> checkDims(dims, s.demand().dimensions(), "stop " + s.id()));
        pairs.forEach(p -> checkDims(dims, p.pickup().demand().dimensions(), "pair " + p.id()));
    }

    private static void checkDims(int expected, int actual, String what) {
        if (expected >= 0 && expected != actual) {
            throw invalid("The amounts of " + what + " have " + actual + " dimensions, the fleet has " + expected);
        }
    }

    private static void requireNew(Set<String> seen, String id, String what) {
        if (!seen.add(id)) {
            throw invalid("Duplicate " + what + " id " + id);
        }
    }

    private static RoutingException invalid(String message) {
        return new RoutingException(RoutingErrorCode.INVALID_PROBLEM, message);
    }
}
