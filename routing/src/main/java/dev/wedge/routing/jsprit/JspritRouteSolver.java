package dev.wedge.routing.jsprit;

import dev.wedge.routing.RoutingErrorCode;
import dev.wedge.routing.RoutingException;
import dev.wedge.routing.check.RouteReplay;
import dev.wedge.routing.cost.TravelCosts;
import dev.wedge.routing.improve.LocalSearch;
import dev.wedge.routing.model.DriverBreak;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Vehicle;
import dev.wedge.routing.plan.Plan;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.plan.Visit;
import dev.wedge.routing.plan.VisitKind;
import dev.wedge.routing.solve.Objective;
import dev.wedge.routing.solve.PlanCosts;
import dev.wedge.routing.solve.RouteSolver;
import dev.wedge.routing.solve.SolveOptions;
import dev.wedge.routing.solve.UnassignedExplainer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wedge's solver on top of jsprit. The goal is hierarchical: serve every job, then use as few vehicles as
 * possible, then drive as little as possible (money costs of the problem's vehicle types count with distance).
 * See {@link PhasedSearch} for the phases. Multi-trip vehicles are planned trip by trip: after a round, each
 * vehicle that still has trips left may go out again from the time it is back plus its reload time, for the jobs
 * still open. jsprit plans one break per trip, so a vehicle may not owe more breaks than it has trips.
 */
public final class JspritRouteSolver implements RouteSolver {
    private static final double FIRST_ROUND_SHARE = 0.7;
    // The rest of the time is for the final local search.
    private static final double SEARCH_SHARE = 0.97;
    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JspritRouteSolver.class);

    // Where route minimisation applies: the shares of the time limit by which it ends, by which jsprit's search
    // from its routes ends, and by which shortening at the fleet size found ends (see FleetReduction); the final
    // descent after. jsprit gets no share there: at the minimiser's fleet size its ruins rarely fit back, and the
    // string-removal shortening did better with the time in A/B runs (docs/benchmarks/README.md).
    private static final double MINIMISE_SHARE = 0.2;
    private static final double SEARCH_UNTIL = MINIMISE_SHARE;
    private static final double SHORTEN_UNTIL = 0.97;

    private final JspritRun.Profile profile;
    private final FleetReduction reduction;

    public JspritRouteSolver() {
        this(JspritRun.Profile.standard());
    }

    JspritRouteSolver(JspritRun.Profile profile) {
        this(profile, MINIMISE_SHARE, SEARCH_UNTIL, SHORTEN_UNTIL);
    }

    /**
     * With route minimisation for {@code minimiseShare} of the time (0 turns it off), jsprit until
     * {@code searchUntil} and shortening until {@code shortenUntil} (0 turns it off), see {@link FleetReduction}.
     */
    JspritRouteSolver(JspritRun.Profile profile, double minimiseShare, double searchUntil, double shortenUntil) {
        this(profile, minimiseShare, searchUntil, shortenUntil, FleetReduction.Tuning.STANDARD);
    }

    /** The same with the shortening tuned (for A/B runs). */
    JspritRouteSolver(JspritRun.Profile profile, double minimiseShare, double searchUntil, double shortenUntil,
                      FleetReduction.Tuning tuning) {
        this.profile = profile;
        this.reduction = new FleetReduction(minimiseShare, searchUntil, shortenUntil, tuning);
    }

    @Override
    public Plan solve(Problem problem, TravelCosts costs, SolveOptions options) {
        long started = System.nanoTime();
        requireExpressible(problem);
        PlaceMatrix matrix = new PlaceMatrix(problem, costs);
        RouteReplay replay = new RouteReplay(problem, costs);
        double weight = options.objective() == Objective.COST ? 0 : vehicleWeight(matrix);
        List<Route> routes = new ArrayList<>();
        Set<String> open;
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(),
                r -> new Thread(r, "wedge-route-search-" + POOLS.incrementAndGet()));
        try {
            PhasedSearch search = new PhasedSearch(problem, matrix, replay, weight, profile, pool, options.threads());
            Start start = start(problem, costs, options, started, weight, pool);
            if (start.skipSearch()) {
                routes.addAll(start.warm());
                open = new HashSet<>(problem.jobIds());
                for (Route r : routes) {
                    r.visits().forEach(v -> open.remove(v.jobId()));
                }
            } else {
                open = searchTrips(problem, search, replay, options, started, routes, start);
            }
            if (reduction.shortens(problem, weight)) {
                // A copy: shortening may hand back the very list it was given.
                List<Route> shorter = List.copyOf(reduction.shorten(problem, costs, routes, options, started, pool));
                routes.clear();
                routes.addAll(shorter);
            }
        } finally {
            pool.shutdownNow();
        }
        descend(problem, costs, options, started, routes);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Plan(routes, new UnassignedExplainer(problem, costs).explain(open), PlanCosts.distance(routes),
                PlanCosts.cost(problem, routes), seconds);
    }

    private static void descend(Problem problem, TravelCosts costs, SolveOptions options, long started,
                                List<Route> routes) {
        LocalSearch descent = new LocalSearch(problem, costs);
        if (descent.applies()) {
            double before = PlanCosts.distance(routes);
            long t0 = System.nanoTime();
            List<Route> improved = descent.improve(routes, started + options.timeLimit().toNanos());
            routes.clear();
            routes.addAll(improved);
            LOG.debug("local search: distance {} -> {} in {} ms", before, PlanCosts.distance(routes),
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /**
     * Where the first round starts: warm routes, the fleet, whether it should still eliminate routes, the share
     * of the time limit by which the jsprit search should be done, and whether to leave that search out (the warm
     * routes are then the plan, for shortening).
     */
    private record Start(List<Route> warm, List<TripVehicle> fleet, boolean eliminate, double until,
                         boolean skipSearch) {
    }

    private Start start(Problem problem, TravelCosts costs, SolveOptions options, long started, double weight,
                        ExecutorService pool) {
        List<TripVehicle> all = problem.vehicles().stream().map(TripVehicle::first).toList();
        List<Route> warm = options.warmStart().map(Plan::routes).orElse(List.of());
        boolean shortens = reduction.shortens(problem, weight);
        double until = shortens ? reduction.searchUntil(false) : SEARCH_SHARE;
        if (!reduction.minimises(problem, options, weight)) {
            return new Start(warm, all, true, until, false);
        }
        Optional<List<Route>> reduced = reduction.minimise(problem, costs, options, started, pool);
        if (reduced.isEmpty()) {
            return new Start(warm, all, true, until, false);
        }
        Set<String> used = new HashSet<>();
        reduced.get().forEach(r -> used.add(r.vehicleId()));
        // The minimiser had its share of the time for the vehicle count; the rest goes to distance.
        return new Start(reduced.get(), all.stream().filter(t -> used.contains(t.vehicle().id())).toList(), false,
                shortens ? reduction.searchUntil(true) : SEARCH_SHARE, shortens && reduction.skipsSearch());
    }

    /** Plans round after round of trips into {@code routes}; returns the jobs still open. */
    private static Set<String> searchTrips(Problem problem, PhasedSearch search, RouteReplay replay,
                                           SolveOptions options, long started, List<Route> routes, Start start) {
        boolean multiTrip = problem.vehicles().stream().anyMatch(v -> v.maxTrips() > 1);
        List<TripVehicle> fleet = start.fleet();
        Set<String> open = new HashSet<>(problem.jobIds());
        List<Route> warm = start.warm();
        long totalNanos = options.timeLimit().toNanos();
        int round = 0;
        while (!fleet.isEmpty() && !open.isEmpty()) {
            long left = totalNanos - (System.nanoTime() - started);
            if (left <= 0 && round > 0) {
                break;
            }
            double share = multiTrip && round == 0 ? FIRST_ROUND_SHARE : SEARCH_SHARE;
            long nanos = start.until() < SEARCH_SHARE ? (long) (totalNanos * start.until()) - (System.nanoTime() - started)
                    : (long) (left * share);
            Budget budget = new Budget(Math.max(1_000_000, nanos), options.maxIterations());
            PhasedSearch.Candidate result = search.run(fleet, open, round == 0 ? warm : List.of(), budget,
                    options.seed() + round, round > 0 || start.eliminate());
            routes.addAll(result.routes());
            open = new HashSet<>(result.unassigned());
            fleet = nextTrips(problem, result.routes(), replay);
            round++;
        }
        return open;
    }

    static List<TripVehicle> nextTrips(Problem problem, List<Route> finished, RouteReplay replay) {
        List<TripVehicle> next = new ArrayList<>();
        for (Route r : finished) {
            Vehicle v = problem.vehicle(r.vehicleId());
            if (r.trip() >= v.maxTrips()) {
                continue;
            }
            RouteReplay.Outcome outcome = replay.replay(v, r.departure(), r.visits());
            Set<String> taken = new HashSet<>();
            r.visits().stream().filter(x -> x.kind() == VisitKind.BREAK).map(Visit::stopId).forEach(taken::add);
            List<DriverBreak> pending = v.breaks().stream().filter(b -> !taken.contains(b.id())).toList();
            next.add(new TripVehicle(v, r.trip() + 1, outcome.returnTime() + v.reloadTime(), pending));
        }
        return next;
    }

    /** A cost per vehicle larger than any distance and time one vehicle less could save on this problem. */
    static double vehicleWeight(PlaceMatrix matrix) {
        return 10 * (matrix.maxDistance() + matrix.maxTime()) + 1;
    }

    private static void requireExpressible(Problem problem) {
        for (Vehicle v : problem.vehicles()) {
            if (v.breaks().size() > v.maxTrips()) {
                throw new RoutingException(RoutingErrorCode.UNSUPPORTED_FEATURE, "Vehicle " + v.id() + " owes "
                        + v.breaks().size() + " breaks on " + v.maxTrips() + " trip(s); the solver plans one break per trip");
            }
        }
    }
}
