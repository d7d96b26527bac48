package dev.wedge.routing.solve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wedge.routing.SmallProblems;
import dev.wedge.routing.model.Amount;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.TimeWindow;
import dev.wedge.routing.model.Vehicle;
import dev.wedge.routing.model.VehicleType;
import dev.wedge.routing.plan.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCostsTest {
    @Test
    void addsDoublePrecisionRouteLengthsAndRoundsOnlyTheTotal() {
        List<Route> routes = List.of(new Route("v1", 1, 0, List.of(), 0, 10.004), new Route("v2", 1, 0, List.of(), 0, 10.004));

        // Rounding each route first would give 20.00; the Solomon convention rounds the total.
        assertThat(PlanCosts.distance(routes)).isEqualTo(20.01);
    }

    @Test
    void chargesTheFixedCostOncePerVehicleAndTheRatesPerTrip() {
        VehicleType truck = new VehicleType("truck", Amount.of(10), 100, 2, 0.5);
        Vehicle v = Vehicle.simple("v1", truck, "depot", new TimeWindow(0, 1000)).withTrips(2, 0);
        Problem problem = SmallProblems.problem(List.of(v), List.of());
        List<Route> trips = List.of(new Route("v1", 1, 0, List.of(), 40, 30), new Route("v1", 2, 50, List.of(), 70, 10));

        assertThat(PlanCosts.cost(problem, trips)).isEqualTo(100 + 2 * 40 + 0.5 * (40 + 20));
    }
}
