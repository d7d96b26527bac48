package dev.wedge.routing.plan;

import java.util.List;

/**
 * The solver's answer: routes (only those with visits), the jobs left out with reasons, total distance (rounded
 * to 2 decimals, as the benchmarks report it), and the wall time the solve took in seconds.
 */
public record Plan(List<Route> routes, List<UnassignedJob> unassigned, double distance, double cost, double seconds) {
    public Plan {
        routes = List.copyOf(routes);
        unassigned = List.copyOf(unassigned);
    }

    /** Vehicles used (a multi-trip vehicle counts once). */
    public long vehicles() {
        return routes.stream().map(Route::vehicleId).distinct().count();
    }
}
