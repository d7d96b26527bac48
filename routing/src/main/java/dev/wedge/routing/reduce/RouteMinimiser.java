package dev.wedge.routing.reduce;

import dev.wedge.routing.check.RouteReplay;
import dev.wedge.routing.cost.TravelCosts;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.model.StopKind;
import dev.wedge.routing.model.Vehicle;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.plan.Visit;
import dev.wedge.routing.plan.VisitKind;
import dev.wedge.routing.reduce.internal.FlatInstance;
import dev.wedge.routing.reduce.internal.PoolSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Uses as few vehicles as it can find within a budget, independent of any solver: a first plan by cheapest
 * insertion, then route after route taken off and its stops reinserted with an ejection pool (see
 * {@link PoolSearch}). Distance is not its concern; a distance search should continue from its routes.
 *
 * <p>It applies to problems of one depot and one kind of vehicle (the same capacity, depot and shift, single
 * trip, no breaks) serving deliveries with one time window each and no skills or pins, and without
 * pickup-delivery pairs; {@link #unsupported(Problem)} names what stands in the way otherwise. Stops that no
 * vehicle can serve on its own are left out of the routes for the caller to report. Instances are immutable and
 * {@link #minimise} may be called from several threads at once.
 */
public final class RouteMinimiser {
    private final Problem problem;
    private final TravelCosts costs;
    private final FlatInstance instance;

    /** Limits of one run: a wall-time deadline ({@link System#nanoTime()} based) and a bound on pool steps. */
    public record Limits(long deadlineNanos, long maxSteps) {
        public Limits {
            if (maxSteps < 1) {
                throw new IllegalArgumentException("maxSteps must be at least 1, got " + maxSteps);
            }
        }
    }

    /** For a supported problem only; throws {@link IllegalArgumentException} naming the reason otherwise. */
    public RouteMinimiser(Problem problem, TravelCosts costs) {
        unsupported(problem).ifPresent(reason -> {
            throw new IllegalArgumentException("The route minimiser does not apply: " + reason);
        });
        this.problem = problem;
        this.costs = costs;
        this.instance = FlatInstance.of(problem, costs);
    }

    /** Why the minimiser cannot plan this problem, or empty if it can. */
    public static Optional<String> unsupported(Problem problem) {
        if (problem.vehicles().isEmpty() || problem.stops().isEmpty()) {
            return Optional.of("it needs vehicles and stops");
        }
        if (!problem.pairs().isEmpty()) {
            return Optional.of("pickup-delivery pairs");
        }
        Vehicle first = problem.vehicles().get(0);
        for (Vehicle v : problem.vehicles()) {
            if (!v.breaks().isEmpty() || v.maxTrips() != 1) {
                return Optional.of("vehicle " + v.id() + " has breaks or several trips");
            }
            if (!v.type().capacity().equals(first.type().capacity()) || !v.depotId().equals(first.depotId())
                    || !v.shift().equals(first.shift())) {
                return Optional.of("vehicle " + v.id() + " differs from " + first.id() + " in capacity, depot or shift");
            }
        }
        for (Stop s : problem.stops()) {
            if (s.kind() != StopKind.DELIVERY || s.windows().size() != 1 || !s.requiredSkills().isEmpty()
                    || s.pinnedVehicle().isPresent()) {
                return Optional.of("stop " + s.id() + " is a pickup, has several windows, needs skills or is pinned");
            }
        }
        return Optional.empty();
    }

    /**
     * Routes for the problem's first vehicles, timed by replay, serving every stop a vehicle can serve alone, with
     * as few routes as the search found; empty if even that needs more vehicles than the problem has.
     */
    public Optional<List<Route>> minimise(Limits limits, long seed) {
        PoolSearch search = new PoolSearch(instance, seed, limits.deadlineNanos(), limits.maxSteps());
        List<int[]> routes = search.minimise(search.construct(), 1);
        if (routes.size() > problem.vehicles().size()) {
            return Optional.empty();
        }
        return Optional.of(toRoutes(routes));
    }

    private List<Route> toRoutes(List<int[]> routes) {
        RouteReplay replay = new RouteReplay(problem, costs);
        List<Route> out = new ArrayList<>();
        for (int r = 0; r < routes.size(); r++) {
            Vehicle v = problem.vehicles().get(r);
            List<Visit> visits = new ArrayList<>();
            for (int node : routes.get(r)) {
                String id = instance.stop(node).id();
                visits.add(new Visit(id, id, VisitKind.DELIVERY, 0, 0, 0));
            }
            double departure = Math.max(v.shift().start(), problem.depot(v.depotId()).opening().start());
            RouteReplay.Outcome o = replay.replay(v, departure, visits);
            if (!o.feasible()) {
                throw new IllegalStateException("The route minimiser built an infeasible route: " + o.violations());
            }
            out.add(new Route(v.id(), 1, departure, o.timedVisits(), o.returnTime(), o.distance()));
        }
        return out;
    }
}
