package dev.wedge.routing.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wedge.routing.cost.EuclideanCosts;
import dev.wedge.routing.model.Amount;
import dev.wedge.routing.model.Depot;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanCheckerTest {
    private final EuclideanCosts costs = EuclideanCosts.solomon();
    private final VehicleType van = VehicleType.distanceOnly("van", Amount.of(10));
    private final Vehicle v1 = Vehicle.simple("v1", van, "d", new TimeWindow(0, 100)).withSkills(Set.of("fridge"));
    private final Vehicle v2 = Vehicle.simple("v2", van, "d", new TimeWindow(0, 100));
    private final Stop a = Stop.delivery("a", new Place("a", 10, 0), Amount.of(4), 1, new TimeWindow(0, 50));
    private final Stop b = Stop.delivery("b", new Place("b", 10, 10), Amount.of(4), 1, new TimeWindow(0, 50));
    private final Stop c = Stop.delivery("c", new Place("c", 0, 10), Amount.of(4), 1, new TimeWindow(0, 20));
    private final Depot depot = new Depot("d", new Place("d", 0, 0), new TimeWindow(0, 100));

    private Problem problem(List<Vehicle> vehicles, List<Stop> stops, List<PickupDelivery> pairs) {
        return new Problem("t", List.of(depot), vehicles, stops, pairs);
    }

    private Problem basic() {
        return problem(List.of(v1, v2), List.of(a, b, c), List.of());
    }

    private static Visit at(Stop s) {
        return new Visit(s.id(), s.id(), s.kind() == StopKind.DELIVERY ? VisitKind.DELIVERY : VisitKind.PICKUP, 0, 0, 0);
    }

    private Route route(Problem p, Vehicle v, int trip, double departure, Visit... visits) {
        RouteReplay.Outcome o = new RouteReplay(p, costs).replay(v, departure, List.of(visits));
        return new Route(v.id(), trip, departure, List.of(visits), o.returnTime(), o.distance());
    }

    private Plan plan(List<Route> routes, UnassignedJob... unassigned) {
        double d = Math.round(routes.stream().mapToDouble(Route::distance).sum() * 100) / 100.0;
        return new Plan(routes, List.of(unassigned), d, d, 0);
    }

    private List<ViolationKind> kinds(Problem p, Plan plan) {
        return new PlanChecker(p, costs).check(plan).stream().map(Violation::kind).toList();
    }

    @Test
    void acceptsAValidPlan() {
        Problem p = basic();
        Plan plan = plan(List.of(route(p, v1, 1, 0, at(c), at(b)), route(p, v2, 1, 0, at(a))));

        assertThat(new PlanChecker(p, costs).check(plan)).isEmpty();
    }

    @Test
    void findsAnOverloadedVehicle() {
        Problem p = basic().withStops(List.of(a, b, c.withWindows(List.of(new TimeWindow(0, 99)))));
        Plan plan = plan(List.of(route(p, v1, 1, 0, at(a), at(b), at(p.stops().get(2)))));

        assertThat(kinds(p, plan)).containsExactly(ViolationKind.CAPACITY);
    }

    @Test
    void findsAStopReachedAfterItsWindow() {
        Problem p = basic();
        // a then b takes until 22; c closes at 20.
        Plan plan = plan(List.of(route(p, v1, 1, 0, at(a), at(b)), route(p, v2, 1, 0, at(c))));
        Plan late = plan(List.of(route(p, v1, 1, 0, at(b), at(a)), route(p, v2, 1, 15, at(c))));

        assertThat(kinds(p, plan)).isEmpty();
        assertThat(kinds(p, late)).containsExactly(ViolationKind.TIME_WINDOW);
    }

    @Test
    void findsMissingDuplicateAndUnknownJobs() {
        Problem p = basic();
        Plan missing = plan(List.of(route(p, v1, 1, 0, at(c), at(b))));
        Plan twice = plan(List.of(route(p, v1, 1, 0, at(c), at(b)), route(p, v2, 1, 0, at(a))),
                new UnassignedJob("a", UnassignedReason.NO_ROOM, "planted"));
        Stop ghost = Stop.delivery("ghost", new Place("g", 1, 1), Amount.of(1), 0, TimeWindow.always());

        assertThat(kinds(p, missing)).containsExactly(ViolationKind.MISSING_JOB);
        assertThat(kinds(p, twice)).containsExactly(ViolationKind.DUPLICATE_JOB);
        assertThat(new PlanChecker(p, costs).check(plan(List.of(new Route("v1", 1, 0, List.of(at(ghost)), 0, 2.83)))))
                .extracting(Violation::kind).contains(ViolationKind.UNKNOWN_JOB);
    }

    @Test
    void findsMissingSkillsAndBrokenPins() {
        Stop cold = a.withSkills(Set.of("fridge"));
        Stop pinned = b.pinnedTo("v1");
        Problem p = problem(List.of(v1, v2), List.of(cold, pinned, c), List.of());
        Plan plan = plan(List.of(route(p, v1, 1, 0, at(c)), route(p, v2, 1, 0, at(cold), at(pinned))));

        assertThat(kinds(p, plan)).containsExactlyInAnyOrder(ViolationKind.SKILL, ViolationKind.PIN);
    }

    @Test
    void findsADeliveryBeforeItsPickup() {
        Stop from = a.withKind(StopKind.PICKUP);
        Stop to = new Stop("b", StopKind.DELIVERY, b.place(), Amount.of(0), 1, b.windows(), 2, Set.of(), java.util.Optional.empty());
        PickupDelivery pair = new PickupDelivery("ab", from, to);
        Problem p = problem(List.of(v1), List.of(), List.of(pair));
        Visit pick = new Visit("a", "ab", VisitKind.PAIR_PICKUP, 0, 0, 0);
        Visit drop = new Visit("b", "ab", VisitKind.PAIR_DELIVERY, 0, 0, 0);

        assertThat(kinds(p, plan(List.of(route(p, v1, 1, 0, pick, drop))))).isEmpty();
        assertThat(kinds(p, plan(List.of(route(p, v1, 1, 0, drop, pick))))).containsExactly(ViolationKind.PRECEDENCE);
    }

    @Test
    void findsABreakThatIsOwedButNotTaken() {
        Vehicle tired = v1.withBreaks(List.of(new DriverBreak("lunch", new TimeWindow(5, 10), 5)));
        Problem p = problem(List.of(tired), List.of(a, b), List.of());
        Visit lunch = new Visit("lunch", "lunch", VisitKind.BREAK, 0, 0, 0);

        assertThat(kinds(p, plan(List.of(route(p, tired, 1, 0, lunch, at(a), at(b)))))).isEmpty();
        assertThat(kinds(p, plan(List.of(route(p, tired, 1, 0, at(a), at(b)))))).containsExactly(ViolationKind.BREAK);
        assertThat(kinds(p, plan(List.of(route(p, tired, 1, 0, at(a), at(b), lunch))))).containsExactly(ViolationKind.BREAK);
    }

    @Test
    void findsAVehicleBackAfterItsShift() {
        Vehicle early = v1.withShift(new TimeWindow(0, 30));
        Problem p = problem(List.of(early), List.of(a, b), List.of());

        assertThat(kinds(p, plan(List.of(route(p, early, 1, 0, at(a), at(b)))))).containsExactly(ViolationKind.SHIFT);
    }

    @Test
    void findsOverlappingTripsAndWrongDistances() {
        Vehicle twice = v1.withTrips(2, 5);
        Problem p = problem(List.of(twice), List.of(a, b), List.of());
        Route first = route(p, twice, 1, 0, at(a));
        Route second = route(p, twice, 1, 0, at(b));
        Route overlapping = new Route("v1", 2, 10, second.visits(), second.returnTime(), second.distance());
        Route lying = new Route("v1", 1, 0, first.visits(), first.returnTime(), first.distance() - 3);
        List<Route> overlap = new ArrayList<>(List.of(first, overlapping));

        assertThat(kinds(p, plan(overlap))).containsExactly(ViolationKind.TRIP_OVERLAP);
        assertThat(kinds(p, plan(List.of(lying, route(p, twice, 2, 30, at(b)))))).containsOnly(ViolationKind.DISTANCE);
    }
}
