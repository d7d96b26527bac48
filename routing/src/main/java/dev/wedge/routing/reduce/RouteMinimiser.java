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
import dev.wedge.routing.reduce.internal.StringRemovalSearch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Uses as few vehicles as it can find within a budget, independent of any solver: a first plan by cheapest
 * insertion, then route after route taken off and its stops reinserted with an ejection pool (see
 * {@link PoolSearch}). Distance is not its concern there; {@link #shorten} then shortens routes at the fleet size
 * found, and a distance search may continue from its routes.
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

    /**
     * Like {@link #minimise(Limits, long)} but from the given routes, which must be feasible single trips that
     * serve every stop a vehicle can serve alone exactly once (and no other); a bad start throws
     * {@link IllegalArgumentException} naming the stop or route. The result never has more routes than the start.
     */
    public List<Route> minimise(List<Route> start, Limits limits, long seed) {
        List<int[]> routes = nodesOf(start, true);
        PoolSearch search = new PoolSearch(instance, seed, limits.deadlineNanos(), limits.maxSteps());
        return toRoutes(search.minimise(routes, 1));
    }

    /**
     * Shorter routes for the same stops, never more of them: string removals and blink insertion with simulated
     * annealing at this fleet size (see {@link StringRemovalSearch}). {@code routes} must be feasible single trips
     * serving each stop at most once; stops they leave out stay out. Its step bound counts iterations. The routes are
     * given to the problem's first vehicles (all of one kind).
     */
    public List<Route> shorten(List<Route> routes, Limits limits, long seed) {
        return shorten(routes, limits, seed, StringRemovalSearch.Cooling.STANDARD);
    }

    /** The same with the given annealing temperatures (for tuning). */
    public List<Route> shorten(List<Route> routes, Limits limits, long seed, StringRemovalSearch.Cooling cooling) {
        return shorten(routes, limits, seed, cooling, StringRemovalSearch.MEAN_REMOVED);
    }

    /** The same with about {@code meanRemoved} stops taken out per ruin on average (for tuning). */
    public List<Route> shorten(List<Route> routes, Limits limits, long seed, StringRemovalSearch.Cooling cooling,
                               int meanRemoved) {
        StringRemovalSearch search = new StringRemovalSearch(instance, seed, limits.deadlineNanos(), limits.maxSteps(),
                cooling, meanRemoved);
        return toRoutes(search.improve(nodesOf(routes, false)));
    }

    private List<int[]> nodesOf(List<Route> start, boolean requireAll) {
        Map<String, Integer> node = new HashMap<>();
        for (int i = 1; i <= instance.stops(); i++) {
            node.put(instance.stop(i).id(), i);
        }
        RouteReplay replay = new RouteReplay(problem, costs);
        Set<Integer> seen = new HashSet<>();
        List<int[]> out = new ArrayList<>();
        for (Route r : start) {
            if (!replay.replay(problem.vehicle(r.vehicleId()), r.departure(), r.visits()).feasible()) {
                throw new IllegalArgumentException("Start route of " + r.vehicleId() + " breaks a rule of the problem");
            }
            int[] nodes = new int[r.visits().size()];
            for (int k = 0; k < nodes.length; k++) {
                Integer v = node.get(r.visits().get(k).stopId());
                if (v == null || !seen.add(v)) {
                    throw new IllegalArgumentException("Stop " + r.visits().get(k).stopId()
                            + " is unknown, not servable alone, or on more than one start route");
                }
                nodes[k] = v;
            }
            out.add(nodes);
        }
        if (requireAll && seen.size() != instance.stops()) {
            throw new IllegalArgumentException("The start routes serve " + seen.size() + " of the "
                    + instance.stops() + " stops a vehicle can serve alone");
        }
        return out;
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
