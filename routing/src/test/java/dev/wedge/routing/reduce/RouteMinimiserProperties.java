package dev.wedge.routing.reduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wedge.routing.check.PlanChecker;
import dev.wedge.routing.cost.EuclideanCosts;
import dev.wedge.routing.model.Amount;
import dev.wedge.routing.model.Depot;
import dev.wedge.routing.model.Place;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.model.TimeWindow;
import dev.wedge.routing.model.Vehicle;
import dev.wedge.routing.model.VehicleType;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.plan.UnassignedJob;
import dev.wedge.routing.plan.UnassignedReason;
import dev.wedge.routing.plan.Visit;
import dev.wedge.routing.solve.PlanCosts;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Whatever the problem, the minimiser's and the shortening's routes pass {@link PlanChecker}. */
class RouteMinimiserProperties {
    private final EuclideanCosts costs = EuclideanCosts.solomon();

    @Property(tries = 30)
    void minimisedAndShortenedRoutesBreakNoRule(@ForAll @IntRange(min = 3, max = 50) int stops, @ForAll long seed) {
        Problem problem = randomProblem(stops, new Random(seed));
        RouteMinimiser minimiser = new RouteMinimiser(problem, costs);

        List<Route> fewer = minimiser.minimise(RouteMinimiserTest.limits(300), seed).orElseThrow();
        List<Route> shorter = minimiser.shorten(fewer, RouteMinimiserTest.limits(2_000), seed);

        for (List<Route> routes : List.of(fewer, shorter)) {
            assertThat(new PlanChecker(problem, costs).check(RouteMinimiserTest.plan(routes, leftOut(problem, routes))))
                    .isEmpty();
        }
        assertThat(shorter.size()).isLessThanOrEqualTo(fewer.size());
        if (shorter.size() == fewer.size()) {
            assertThat(PlanCosts.distance(shorter)).isLessThanOrEqualTo(PlanCosts.distance(fewer));
        }
    }

    // The stops on no route: those no vehicle can serve alone.
    private static List<UnassignedJob> leftOut(Problem problem, List<Route> routes) {
        Set<String> routed = routes.stream().flatMap(r -> r.visits().stream()).map(Visit::stopId).collect(Collectors.toSet());
        return problem.stops().stream().filter(s -> !routed.contains(s.id()))
                .map(s -> new UnassignedJob(s.id(), UnassignedReason.TIME_WINDOW, "not servable alone")).toList();
    }

    private static Problem randomProblem(int stops, Random random) {
        Depot depot = new Depot("depot", new Place("depot", 50, 50), new TimeWindow(0, 300 + random.nextInt(700)));
        VehicleType type = VehicleType.distanceOnly("van", Amount.of(10 + random.nextInt(40)));
        List<Vehicle> vehicles = new ArrayList<>();
        for (int i = 1; i <= stops; i++) {
            vehicles.add(Vehicle.simple("v" + i, type, "depot", depot.opening()));
        }
        List<Stop> out = new ArrayList<>();
        for (int i = 1; i <= stops; i++) {
            double open = random.nextDouble() * depot.opening().end() * 0.8;
            out.add(Stop.delivery("s" + i, new Place("p" + i, random.nextDouble() * 100, random.nextDouble() * 100),
                    Amount.of(1 + random.nextInt(12)), random.nextDouble() * 20,
                    new TimeWindow(open, open + 5 + random.nextDouble() * 300)));
        }
        return Problem.of("random", List.of(depot), vehicles, out);
    }
}
