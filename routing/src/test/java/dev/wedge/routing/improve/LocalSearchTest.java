package dev.wedge.routing.improve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wedge.routing.SmallProblems;
import dev.wedge.routing.check.PlanChecker;
import dev.wedge.routing.check.RouteReplay;
import dev.wedge.routing.cost.EuclideanCosts;
import dev.wedge.routing.model.Amount;
import dev.wedge.routing.model.PickupDelivery;
import dev.wedge.routing.model.Place;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.model.StopKind;
import dev.wedge.routing.model.TimeWindow;
import dev.wedge.routing.model.Vehicle;
import dev.wedge.routing.plan.Plan;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.plan.Visit;
import dev.wedge.routing.plan.VisitKind;
import dev.wedge.routing.solve.PlanCosts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalSearchTest {
    private final EuclideanCosts costs = EuclideanCosts.solomon();

    private static Visit at(Stop s) {
        return new Visit(s.id(), s.id(), VisitKind.DELIVERY, 0, 0, 0);
    }

    private Route route(Problem p, Vehicle v, List<Stop> order) {
        List<Visit> visits = order.stream().map(LocalSearchTest::at).toList();
        RouteReplay.Outcome o = new RouteReplay(p, costs).replay(v, 0, visits);
        return new Route(v.id(), 1, 0, visits, o.returnTime(), o.distance());
    }

    private static Plan plan(List<Route> routes) {
        return new Plan(routes, List.of(), PlanCosts.distance(routes), PlanCosts.distance(routes), 0);
    }

    @Test
    void untanglesCrossingRoutesAndKeepsThePlanValid() {
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            stops.add(Stop.delivery("e" + i, new Place("e" + i, 60 + 6 * i, 50), Amount.of(1), 0, new TimeWindow(0, 1000)));
            stops.add(Stop.delivery("w" + i, new Place("w" + i, 40 - 6 * i, 50), Amount.of(1), 0, new TimeWindow(0, 1000)));
        }
        List<Vehicle> fleet = SmallProblems.vehicles(2, 100);
        Problem problem = SmallProblems.problem(fleet, stops);
        // Each route zig-zags between east and west.
        List<Route> tangled = List.of(
                route(problem, fleet.get(0), List.of(stops.get(0), stops.get(1), stops.get(2), stops.get(3), stops.get(4), stops.get(5))),
                route(problem, fleet.get(1), List.of(stops.get(6), stops.get(7), stops.get(8), stops.get(9), stops.get(10), stops.get(11))));

        List<Route> better = new LocalSearch(problem, costs).improve(tangled, System.nanoTime() + 5_000_000_000L);

        assertThat(new PlanChecker(problem, costs).check(plan(better))).isEmpty();
        assertThat(PlanCosts.distance(better)).isLessThan(PlanCosts.distance(tangled) * 0.7);
    }

    @Test
    void keepsTimeWindowsSkillsAndCapacity() {
        List<Stop> stops = new ArrayList<>(SmallProblems.randomStops(15, 31));
        stops.set(3, stops.get(3).withSkills(Set.of("fridge")));
        List<Vehicle> fleet = new ArrayList<>(SmallProblems.vehicles(15, 30));
        fleet.set(0, fleet.get(0).withSkills(Set.of("fridge")));
        Problem problem = SmallProblems.problem(fleet, stops);
        // A valid but poor start: stops in id order, cut whenever the next stop does not fit.
        List<Route> start = new ArrayList<>();
        List<Stop> current = new ArrayList<>();
        int vehicle = 0;
        List<Stop> ordered = new ArrayList<>(stops);
        ordered.sort((a, b) -> Double.compare(a.windows().get(0).start(), b.windows().get(0).start()));
        ordered.remove(stops.get(3));
        ordered.add(0, stops.get(3));
        for (Stop s : ordered) {
            current.add(s);
            if (!new RouteReplay(problem, costs).replay(fleet.get(vehicle), 0, current.stream().map(LocalSearchTest::at).toList()).feasible()) {
                current.remove(current.size() - 1);
                start.add(route(problem, fleet.get(vehicle), List.copyOf(current)));
                current.clear();
                current.add(s);
                vehicle++;
            }
        }
        start.add(route(problem, fleet.get(vehicle), current));
        assertThat(new PlanChecker(problem, costs).check(plan(start))).isEmpty();

        List<Route> better = new LocalSearch(problem, costs).improve(start, System.nanoTime() + 5_000_000_000L);

        assertThat(new PlanChecker(problem, costs).check(plan(better))).isEmpty();
        assertThat(PlanCosts.distance(better)).isLessThanOrEqualTo(PlanCosts.distance(start));
    }

    @Test
    void leavesProblemsWithPairsAlone() {
        Stop from = new Stop("p", StopKind.PICKUP, new Place("p", 10, 10), Amount.of(1), 0, List.of(TimeWindow.always()), 2, Set.of(), Optional.empty());
        Stop to = new Stop("d", StopKind.DELIVERY, new Place("d", 20, 20), Amount.of(0), 0, List.of(TimeWindow.always()), 2, Set.of(), Optional.empty());
        Problem problem = new Problem("pairs", List.of(SmallProblems.depot()), SmallProblems.vehicles(1, 5), List.of(),
                List.of(new PickupDelivery("pd", from, to)));

        assertThat(new LocalSearch(problem, costs).applies()).isFalse();
    }
}
