package dev.wedge.routing.jsprit;

import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import dev.wedge.routing.check.RouteReplay;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.plan.Route;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Wedge's search for one round of trips, in three phases that share one budget of time and iterations:
 * <ol>
 *   <li>construct and improve with the full fleet, one independent search per thread with its own seed;</li>
 *   <li>route elimination: drop the route with the fewest stops, forbid its vehicle and search again from the
 *       remaining routes; keep the result only if every job still fits, and repeat;</li>
 *   <li>distance: with the fleet fixed to the vehicles in use, polish from the best plan, again one search per
 *       thread, and keep the best.</li>
 * </ol>
 */
final class PhasedSearch {
    private static final double CONSTRUCT_SHARE = 0.40;
    private static final double ELIMINATION_SHARE = 0.12;
    private static final double POLISH_RESERVE = 0.30;

    /** The routes and unassigned job ids of one candidate, with its hierarchical cost. */
    record Candidate(List<Route> routes, Set<String> unassigned, double cost) {
        long vehicles() {
            return routes.size();
        }
    }

    private final Problem problem;
    private final PlaceMatrix matrix;
    private final RouteReplay replay;
    private final double weight;
    private final JspritRun.Profile profile;
    private final ExecutorService pool;
    private final int threads;

    PhasedSearch(Problem problem, PlaceMatrix matrix, RouteReplay replay, double weight, JspritRun.Profile profile,
                 ExecutorService pool, int threads) {
        this.problem = problem;
        this.matrix = matrix;
        this.replay = replay;
        this.weight = weight;
        this.profile = profile;
        this.pool = pool;
        this.threads = threads;
    }

    Candidate run(List<TripVehicle> fleet, Set<String> jobs, List<Route> warm, Budget budget, long seed) {
        Candidate best = parallel(fleet, jobs, warm, budget.slice(CONSTRUCT_SHARE), seed);
        long round = 1;
        while (best.unassigned().isEmpty() && best.vehicles() > 1 && budget.remainingShare() > POLISH_RESERVE) {
            Route smallest = best.routes().stream().min(Comparator.comparingInt(r -> r.visits().size())).orElseThrow();
            List<Route> rest = new ArrayList<>(best.routes());
            rest.remove(smallest);
            List<TripVehicle> reduced = usedTrips(fleet, rest);
            Candidate attempt = parallel(reduced, jobs, rest, budget.slice(ELIMINATION_SHARE), seed + 1000 * round++);
            if (!attempt.unassigned().isEmpty()) {
                break;
            }
            best = attempt;
        }
        List<TripVehicle> polishFleet = best.unassigned().isEmpty() ? usedTrips(fleet, best.routes()) : fleet;
        Candidate polished = parallel(polishFleet, jobs, best.routes(), budget.rest(), seed + 7);
        return polished.cost() <= best.cost() ? polished : best;
    }

    private static List<TripVehicle> usedTrips(List<TripVehicle> fleet, List<Route> routes) {
        return fleet.stream().filter(t -> routes.stream()
                .anyMatch(r -> r.vehicleId().equals(t.vehicle().id()) && r.trip() == t.trip())).toList();
    }

    private Candidate parallel(List<TripVehicle> fleet, Set<String> jobs, List<Route> warm, Budget.Slice slice, long seed) {
        JspritProblem jp = new JspritProblem(problem, matrix, fleet, jobs, weight);
        List<Future<Candidate>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            long runSeed = seed * 31 + i;
            futures.add(pool.submit(() -> single(jp, warm, slice, runSeed)));
        }
        Candidate best = null;
        for (Future<Candidate> f : futures) {
            Candidate c = await(f);
            if (best == null || c.cost() < best.cost()) {
                best = c;
            }
        }
        return best;
    }

    private Candidate single(JspritProblem jp, List<Route> warm, Budget.Slice slice, long seed) {
        SolutionCodec codec = new SolutionCodec(jp);
        Optional<VehicleRoutingProblemSolution> start = warm.isEmpty()
                ? Optional.empty() : Optional.of(codec.seed(warm, replay, 0));
        VehicleRoutingProblemSolution s = JspritRun.search(jp, profile, seed, slice.iterations(), slice.nanos(), start);
        return new Candidate(codec.routes(s), codec.unassignedJobIds(s), new HierarchicalObjective(jp).getCosts(s));
    }

    private static Candidate await(Future<Candidate> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Route search was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("Route search failed", e.getCause());
        }
    }
}
