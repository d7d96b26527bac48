package dev.wedge.routing.solve;

import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.VehicleType;
import dev.wedge.routing.plan.Route;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The money cost of routes under the problem's own rates: fixed cost once per vehicle, distance and time rates. */
public final class PlanCosts {
    private PlanCosts() {
    }

    public static double cost(Problem problem, List<Route> routes) {
        double cost = 0;
        Set<String> used = new HashSet<>();
        for (Route r : routes) {
            VehicleType type = problem.vehicle(r.vehicleId()).type();
            if (used.add(r.vehicleId())) {
                cost += type.fixedCost();
            }
            cost += r.distance() * type.costPerDistance() + (r.returnTime() - r.departure()) * type.costPerTime();
        }
        return cost;
    }

    /** Total distance rounded to 2 decimals, the benchmark convention. */
    public static double distance(List<Route> routes) {
        return Math.round(routes.stream().mapToDouble(Route::distance).sum() * 100) / 100.0;
    }
}
