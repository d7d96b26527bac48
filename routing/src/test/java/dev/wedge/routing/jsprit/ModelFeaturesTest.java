package dev.wedge.routing.jsprit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.routing.RoutingErrorCode;
import dev.wedge.routing.RoutingException;
import dev.wedge.routing.SmallProblems;
import dev.wedge.routing.check.PlanChecker;
import dev.wedge.routing.cost.EuclideanCosts;
import dev.wedge.routing.model.Amount;
import dev.wedge.routing.model.DriverBreak;
import dev.wedge.routing.model.PickupDelivery;
import dev.wedge.routing.model.Place;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.model.StopKind;
import dev.wedge.routing.model.TimeWindow;
import dev.wedge.routing.model.Vehicle;
import dev.wedge.routing.model.VehicleType;
import dev.wedge.routing.plan.Plan;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.plan.UnassignedJob;
import dev.wedge.routing.plan.UnassignedReason;
import dev.wedge.routing.plan.Visit;
import dev.wedge.routing.plan.VisitKind;
import dev.wedge.routing.solve.SolveOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelFeaturesTest {
    private final EuclideanCosts costs = EuclideanCosts.solomon();
    private final JspritRouteSolver solver = new JspritRouteSolver();
    private final SolveOptions options = SolveOptions.forIterations(200, 17);

    private Plan solveAndCheck(Problem problem) {
        Plan plan = solver.solve(problem, costs, options);
        assertThat(new PlanChecker(problem, costs).check(plan)).as("violations").isEmpty();
        return plan;
    }

    private static Route routeWith(Plan plan, String stopId) {
        return plan.routes().stream().filter(r -> r.visits().stream().anyMatch(v -> v.stopId().equals(stopId)))
                .findFirst().orElseThrow();
    }

    @Test
    void takesTheDriverBreakInsideItsWindow() {
        Vehicle v = SmallProblems.vehicles(1, 100).get(0)
                .withBreaks(List.of(new DriverBreak("lunch", new TimeWindow(200, 260), 30)));
        List<Stop> stops = SmallProblems.randomStops(8, 2).stream()
                .map(s -> s.withWindows(List.of(new TimeWindow(0, 900)))).toList();

        Plan plan = solveAndCheck(SmallProblems.problem(List.of(v), stops));

        Visit lunch = plan.routes().get(0).visits().stream().filter(x -> x.kind() == VisitKind.BREAK).findFirst().orElseThrow();
        assertThat(lunch.start()).isBetween(200.0, 260.0);
        assertThat(lunch.end() - lunch.start()).isEqualTo(30.0);
    }

    @Test
    void givesStopsThatNeedASkillOnlyToVehiclesWithIt() {
        List<Vehicle> fleet = new ArrayList<>(SmallProblems.vehicles(3, 100));
        fleet.set(2, fleet.get(2).withSkills(Set.of("fridge")));
        List<Stop> stops = new ArrayList<>(SmallProblems.randomStops(10, 4));
        stops.set(0, stops.get(0).withSkills(Set.of("fridge")));
        stops.set(5, stops.get(5).withSkills(Set.of("fridge")));
        stops.add(Stop.delivery("adr", new Place("adr", 30, 30), Amount.of(1), 5, new TimeWindow(0, 900))
                .withSkills(Set.of("adr")));

        Plan plan = solveAndCheck(SmallProblems.problem(fleet, stops));

        assertThat(routeWith(plan, "s1").vehicleId()).isEqualTo("v3");
        assertThat(routeWith(plan, "s6").vehicleId()).isEqualTo("v3");
        assertThat(plan.unassigned()).extracting(UnassignedJob::jobId, UnassignedJob::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("adr", UnassignedReason.SKILL));
    }

    @Test
    void servesAStopInWhicheverOfItsWindowsFits() {
        Vehicle v = SmallProblems.vehicles(1, 100).get(0);
        Stop twoWindows = Stop.delivery("x", new Place("x", 60, 50), Amount.of(1), 10, new TimeWindow(0, 5))
                .withWindows(List.of(new TimeWindow(0, 5), new TimeWindow(400, 450)));
        Stop before = Stop.delivery("y", new Place("y", 90, 50), Amount.of(1), 10, new TimeWindow(300, 350));

        Plan plan = solveAndCheck(SmallProblems.problem(List.of(v), List.of(twoWindows, before)));

        Visit x = plan.routes().get(0).visits().stream().filter(s -> s.stopId().equals("x")).findFirst().orElseThrow();
        assertThat(x.start()).isBetween(400.0, 450.0);
    }

    @Test
    void picksUpBeforeDeliveringOnTheSameVehicle() {
        List<PickupDelivery> pairs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Stop from = new Stop("from" + i, StopKind.PICKUP, new Place("f" + i, 10 + 20 * i, 80), Amount.of(30), 5,
                    List.of(TimeWindow.always()), 2, Set.of(), Optional.empty());
            Stop to = new Stop("to" + i, StopKind.DELIVERY, new Place("t" + i, 90 - 20 * i, 10), Amount.of(0), 5,
                    List.of(TimeWindow.always()), 2, Set.of(), Optional.empty());
            pairs.add(new PickupDelivery("pair" + i, from, to));
        }
        Problem problem = new Problem("pd", List.of(SmallProblems.depot()), SmallProblems.vehicles(3, 60), List.of(), pairs);

        Plan plan = solveAndCheck(problem);

        assertThat(plan.unassigned()).isEmpty();
        for (int i = 0; i < 4; i++) {
            Route r = routeWith(plan, "from" + i);
            List<String> order = r.visits().stream().map(Visit::stopId).toList();
            assertThat(order).contains("to" + i);
            assertThat(order.indexOf("from" + i)).isLessThan(order.indexOf("to" + i));
        }
    }

    @Test
    void keepsPinnedStopsOnTheirVehicle() {
        List<Stop> stops = new ArrayList<>(SmallProblems.randomStops(10, 9));
        stops.set(2, stops.get(2).pinnedTo("v2"));
        stops.set(7, stops.get(7).pinnedTo("v2"));

        Plan plan = solveAndCheck(SmallProblems.problem(SmallProblems.vehicles(3, 100), stops));

        assertThat(routeWith(plan, "s3").vehicleId()).isEqualTo("v2");
        assertThat(routeWith(plan, "s8").vehicleId()).isEqualTo("v2");
    }

    @Test
    void sendsAVehicleOutAgainWhenOneTripCannotCarryEverything() {
        Vehicle truck = SmallProblems.vehicles(1, 20).get(0).withTrips(3, 15);
        List<Stop> stops = SmallProblems.randomStops(8, 21).stream()
                .map(s -> s.withWindows(List.of(new TimeWindow(0, 1000)))).toList();
        int demand = stops.stream().mapToInt(s -> s.demand().get(0)).sum();

        Plan plan = solveAndCheck(SmallProblems.problem(List.of(truck), stops));

        assertThat(demand).isGreaterThan(20);
        assertThat(plan.unassigned()).isEmpty();
        assertThat(plan.routes()).extracting(Route::trip).contains(1, 2);
        assertThat(plan.vehicles()).isEqualTo(1);
    }

    @Test
    void loadsAMixedFleetWithinWeightVolumeAndPallets() {
        VehicleType van = new VehicleType("van", Amount.of(1000, 8, 2), 50, 1, 0);
        VehicleType truck = new VehicleType("truck", Amount.of(8000, 40, 12), 200, 2, 0);
        List<Vehicle> fleet = List.of(
                Vehicle.simple("van-1", van, "depot", new TimeWindow(0, 1000)),
                Vehicle.simple("van-2", van, "depot", new TimeWindow(0, 1000)),
                Vehicle.simple("truck-1", truck, "depot", new TimeWindow(0, 1000)));
        List<Stop> stops = new ArrayList<>();
        java.util.Random random = new java.util.Random(5);
        for (int i = 1; i <= 12; i++) {
            Amount demand = Amount.of(100 + random.nextInt(900), 1 + random.nextInt(5), random.nextInt(3));
            stops.add(Stop.delivery("m" + i, new Place("m" + i, random.nextInt(100), random.nextInt(100)), demand, 10,
                    new TimeWindow(0, 900)));
        }

        Plan plan = solveAndCheck(SmallProblems.problem(fleet, stops));

        assertThat(plan.unassigned()).isEmpty();
        assertThat(plan.cost()).isGreaterThan(plan.distance());
    }

    @Test
    void refusesMoreBreaksThanTripsWithAClearReason() {
        Vehicle v = SmallProblems.vehicles(1, 10).get(0).withBreaks(List.of(
                new DriverBreak("b1", new TimeWindow(100, 200), 15), new DriverBreak("b2", new TimeWindow(400, 500), 15)));
        Problem problem = SmallProblems.problem(List.of(v), SmallProblems.randomStops(3, 1));

        assertThatThrownBy(() -> solver.solve(problem, costs, options))
                .isInstanceOf(RoutingException.class).hasMessageContaining("v1")
                .extracting(e -> ((RoutingException) e).code()).isEqualTo(RoutingErrorCode.UNSUPPORTED_FEATURE);
    }
}
