package dev.wedge.routing.reduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.routing.Corpus;
import dev.wedge.routing.SmallProblems;
import dev.wedge.routing.bench.SolomonReader;
import dev.wedge.routing.check.PlanChecker;
import dev.wedge.routing.cost.EuclideanCosts;
import dev.wedge.routing.model.Amount;
import dev.wedge.routing.model.DriverBreak;
import dev.wedge.routing.model.Place;
import dev.wedge.routing.model.PickupDelivery;
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
import dev.wedge.routing.solve.PlanCosts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RouteMinimiserTest {
    private static final long NO_DEADLINE = Long.MAX_VALUE;
    private final EuclideanCosts costs = EuclideanCosts.solomon();

    @Test
    void removesARouteWhenItsStopsFitIntoTheOthers() {
        // Six stops of 2 units around the depot with the whole day open; 8 units per vehicle means two routes do.
        List<Stop> stops = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            stops.add(Stop.delivery("s" + i, new Place("p" + i, 50 + 3 * i, 50 + (i % 2) * 4), Amount.of(2), 5,
                    new TimeWindow(0, 1000)));
        }
        Problem problem = SmallProblems.problem(SmallProblems.vehicles(4, 8), stops);
        List<Route> start = List.of(route(problem, "v1", "s1", "s2"), route(problem, "v2", "s3", "s4"),
                route(problem, "v3", "s5", "s6"));

        List<Route> reduced = new RouteMinimiser(problem, costs).minimise(start, limits(100), 3);

        assertThat(reduced).hasSize(2);
        assertThat(new PlanChecker(problem, costs).check(plan(reduced, List.of()))).isEmpty();
    }

    @Test
    void reachesTheBestKnownVehicleCountOfR101WithinAStepBound() {
        Problem problem = SolomonReader.read(Corpus.solomon("R101.txt"));

        List<Route> routes = new RouteMinimiser(problem, costs).minimise(limits(3_000), 7).orElseThrow();

        // 19 vehicles is the best known for R101; cheapest insertion alone needs several more.
        assertThat(routes).hasSize(19);
        assertThat(new PlanChecker(problem, costs).check(plan(routes, List.of()))).isEmpty();
    }

    @Test
    void repeatsARunExactlyWithTheSameSeedAndStepBound() {
        Problem problem = SolomonReader.read(Corpus.solomon("RC101.txt"));
        RouteMinimiser minimiser = new RouteMinimiser(problem, costs);

        List<Route> first = minimiser.minimise(limits(500), 11).orElseThrow();
        List<Route> second = minimiser.minimise(limits(500), 11).orElseThrow();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void shortensAZigZagPlanWithoutAddingARoute() {
        // Sixteen stops on a circle around the depot, each route crossing the circle at every stop.
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            double angle = 2 * Math.PI * i / 16;
            stops.add(Stop.delivery("s" + i, new Place("p" + i, 50 + 30 * Math.cos(angle), 50 + 30 * Math.sin(angle)),
                    Amount.of(1), 0, new TimeWindow(0, 1000)));
        }
        Problem problem = SmallProblems.problem(SmallProblems.vehicles(2, 10), stops);
        List<Route> bad = List.of(route(problem, "v1", "s0", "s8", "s2", "s10", "s4", "s12", "s6", "s14"),
                route(problem, "v2", "s1", "s9", "s3", "s11", "s5", "s13", "s7", "s15"));

        List<Route> shorter = new RouteMinimiser(problem, costs).shorten(bad, limits(3_000), 5);

        assertThat(new PlanChecker(problem, costs).check(plan(shorter, List.of()))).isEmpty();
        assertThat(shorter).hasSizeLessThanOrEqualTo(2);
        assertThat(shorter.stream().mapToInt(r -> r.visits().size()).sum()).isEqualTo(16);
        // The two half circles are about 330 long; the zig-zag about 890.
        assertThat(PlanCosts.distance(shorter)).isLessThan(0.45 * PlanCosts.distance(bad));
    }

    @Test
    void repeatsAShorteningExactlyWithTheSameSeedAndStepBound() {
        Problem problem = SolomonReader.read(Corpus.solomon("RC101.txt"));
        RouteMinimiser minimiser = new RouteMinimiser(problem, costs);
        List<Route> start = minimiser.minimise(limits(300), 2).orElseThrow();

        List<Route> first = minimiser.shorten(start, limits(3_000), 13);
        List<Route> second = minimiser.shorten(start, limits(3_000), 13);

        assertThat(second).isEqualTo(first);
        assertThat(PlanCosts.distance(first)).isLessThan(PlanCosts.distance(start));
        assertThat(first).hasSizeLessThanOrEqualTo(start.size());
    }

    @Test
    void leavesOutStopsNoVehicleCanServeAloneAndRoutesTheRest() {
        List<Stop> stops = new ArrayList<>(SmallProblems.randomStops(12, 4));
        stops.add(Stop.delivery("too-heavy", new Place("h", 60, 60), Amount.of(500), 10, new TimeWindow(0, 900)));
        Problem problem = SmallProblems.problem(SmallProblems.vehicles(12, 40), stops);

        List<Route> routes = new RouteMinimiser(problem, costs).minimise(limits(200), 1).orElseThrow();

        Plan plan = plan(routes, List.of(new UnassignedJob("too-heavy", UnassignedReason.CAPACITY, "too heavy")));
        assertThat(new PlanChecker(problem, costs).check(plan)).isEmpty();
    }

    @Test
    void refusesAStartThatMissesAStop() {
        Problem problem = SmallProblems.problem(SmallProblems.vehicles(3, 40), SmallProblems.randomStops(3, 2).stream()
                .map(s -> s.withWindows(List.of(new TimeWindow(0, 900)))).toList());
        List<Route> start = List.of(route(problem, "v1", "s1", "s2"));

        assertThatThrownBy(() -> new RouteMinimiser(problem, costs).minimise(start, limits(10), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 of the 3 stops");
    }

    @Test
    void doesNotApplyToBreaksPairsTripsPinsSkillsWindowsOrMixedFleets() {
        Problem base = SmallProblems.problem(SmallProblems.vehicles(3, 40), SmallProblems.randomStops(6, 9));
        assertThat(RouteMinimiser.unsupported(base)).isEmpty();

        assertThat(reasonFor(base, vehicles(base, v -> v.withBreaks(List.of(new DriverBreak("b", new TimeWindow(0, 500), 30)))))).contains("breaks");
        assertThat(reasonFor(base, vehicles(base, v -> v.withTrips(2, 10)))).contains("trips");
        assertThat(reasonFor(base, stops(base, 0, s -> s.pinnedTo("v1")))).contains("pinned");
        assertThat(reasonFor(base, stops(base, 1, s -> s.withSkills(Set.of("cold"))))).contains("skills");
        assertThat(reasonFor(base, stops(base, 2, s -> s.withKind(StopKind.PICKUP)))).contains("pickup");
        assertThat(reasonFor(base, stops(base, 3, s -> s.withWindows(List.of(new TimeWindow(0, 100),
                new TimeWindow(200, 300)))))).contains("several windows");
        List<Vehicle> mixed = new ArrayList<>(base.vehicles());
        mixed.set(2, Vehicle.simple("v3", VehicleType.distanceOnly("big", Amount.of(80)), "depot", new TimeWindow(0, 1000)));
        assertThat(reasonFor(base, base.withVehicles(mixed))).contains("differs");
        Stop p = Stop.delivery("p", new Place("pp", 10, 10), Amount.of(1), 5, new TimeWindow(0, 900)).withKind(StopKind.PICKUP);
        Stop d = Stop.delivery("d", new Place("pd", 20, 20), Amount.of(1), 5, new TimeWindow(0, 900));
        Problem pairs = new Problem("pairs", base.depots(), base.vehicles(), base.stops(), List.of(new PickupDelivery("pd", p, d)));
        assertThat(reasonFor(base, pairs)).contains("pairs");
        assertThatThrownBy(() -> new RouteMinimiser(pairs, costs)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not apply");
    }

    private static String reasonFor(Problem base, Problem changed) {
        return RouteMinimiser.unsupported(changed).orElse("(applies)");
    }

    private static Problem vehicles(Problem p, UnaryOperator<Vehicle> change) {
        return p.withVehicles(p.vehicles().stream().map(change).toList());
    }

    private static Problem stops(Problem p, int index, UnaryOperator<Stop> change) {
        List<Stop> stops = new ArrayList<>(p.stops());
        stops.set(index, change.apply(stops.get(index)));
        return p.withStops(stops);
    }

    static RouteMinimiser.Limits limits(long steps) {
        return new RouteMinimiser.Limits(NO_DEADLINE, steps);
    }

    private Route route(Problem problem, String vehicle, String... stopIds) {
        List<Visit> visits = new ArrayList<>();
        for (String id : stopIds) {
            visits.add(new Visit(id, id, VisitKind.DELIVERY, 0, 0, 0));
        }
        var o = new dev.wedge.routing.check.RouteReplay(problem, costs).replay(problem.vehicle(vehicle), 0, visits);
        return new Route(vehicle, 1, 0, o.timedVisits(), o.returnTime(), o.distance());
    }

    static Plan plan(List<Route> routes, List<UnassignedJob> unassigned) {
        Set<String> vehicles = routes.stream().map(Route::vehicleId).collect(Collectors.toCollection(HashSet::new));
        assertThat(vehicles).hasSize(routes.size());
        return new Plan(routes, unassigned, PlanCosts.distance(routes), 0, 0);
    }
}
