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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger(PhasedSearch.class);
    private static final int MAX_LEFT_OUT_TO_GO_ON = 2;

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

    Candidate run(List<TripVehicle> fleet, Set<String> jobs, List<Route> warm, Budget budget, long seed,
                  boolean eliminate) {
        Candidate best = parallel(fleet, jobs, warm, budget.slice(profile.constructShare()), seed,
                profile.thresholdPercent());
        LOG.debug("construct: {} vehicles, cost {}, {} unassigned, {} left", best.vehicles(), best.cost(),
                best.unassigned().size(), budget.remainingShare());
        long round = 1;
        while (eliminate && weight > 0 && best.unassigned().isEmpty() && best.vehicles() > 1
                && budget.remainingShare() > profile.polishReserve()) {
            Optional<Candidate> fewer = eliminateOneRoute(fleet, jobs, best, budget, seed + 1000 * round++);
            if (fewer.isEmpty()) {
                break;
            }
            best = fewer.get();
            LOG.debug("eliminated a route: {} vehicles, cost {}", best.vehicles(), best.cost());
        }
        List<TripVehicle> polishFleet = best.unassigned().isEmpty() ? usedTrips(fleet, best.routes()) : fleet;
        // Polish in rounds: both threads start from the best plan so far, and the better result seeds the next round.
        double before = best.cost();
        int rounds = Math.max(1, profile.polishRounds());
        for (int r = rounds; r >= 1; r--) {
            Budget.Slice slice = r == 1 ? budget.rest() : budget.slice(budget.remainingShare() / r);
            Candidate polished = parallel(polishFleet, jobs, best.routes(), slice, seed + 7 + r,
                    profile.polishThresholdPercent());
            if (polished.cost() <= best.cost()) {
                best = polished;
            }
        }
        LOG.debug("polish: {} vehicles, cost {} (from {})", best.vehicles(), best.cost(), before);
        return best;
    }

    /**
     * Each thread removes a different one of the smallest routes and tries to serve its stops with the vehicles
     * left. If no attempt serves every job, the search goes on from the attempt with the fewest left out (with
     * that attempt's fleet) until it succeeds or the time for elimination is used up.
     */
    private Optional<Candidate> eliminateOneRoute(List<TripVehicle> fleet, Set<String> jobs, Candidate best,
                                                  Budget budget, long seed) {
        List<Route> bySize = best.routes().stream().sorted(Comparator.comparingInt(r -> r.visits().size())).toList();
        List<Future<Candidate>> futures = new ArrayList<>();
        List<List<TripVehicle>> fleets = new ArrayList<>();
        Budget.Slice slice = budget.slice(profile.eliminationShare());
        for (int i = 0; i < Math.min(threads, bySize.size()); i++) {
            List<Route> rest = new ArrayList<>(best.routes());
            rest.remove(bySize.get(i));
            List<TripVehicle> reduced = usedTrips(fleet, rest);
            fleets.add(reduced);
            JspritProblem jp = new JspritProblem(problem, matrix, reduced, jobs, weight);
            long runSeed = seed * 31 + i;
            futures.add(pool.submit(() -> single(jp, rest, slice, runSeed, profile.eliminationThresholdPercent())));
        }
        Candidate attempt = null;
        List<TripVehicle> attemptFleet = null;
        for (int i = 0; i < futures.size(); i++) {
            Candidate c = await(futures.get(i));
            if (attempt == null || c.cost() < attempt.cost()) {
                attempt = c;
                attemptFleet = fleets.get(i);
            }
        }
        LOG.debug("first elimination attempt: {} vehicles, {} left out, {} budget left", attempt.vehicles(),
                attempt.unassigned().size(), budget.remainingShare());
        int retry = 0;
        // Going on pays only when the attempt came close; a route that is far from fitting elsewhere stays.
        while (!attempt.unassigned().isEmpty() && attempt.unassigned().size() <= MAX_LEFT_OUT_TO_GO_ON
                && budget.remainingShare() > profile.polishReserve()) {
            LOG.debug("elimination attempt leaves {} jobs out, going on", attempt.unassigned().size());
            Candidate next = parallel(attemptFleet, jobs, attempt.routes(), budget.slice(profile.eliminationShare()),
                    seed + 17 * ++retry, profile.eliminationThresholdPercent());
            if (next.cost() < attempt.cost()) {
                attempt = next;
            }
        }
        return attempt.unassigned().isEmpty() ? Optional.of(attempt) : Optional.empty();
    }

    private static List<TripVehicle> usedTrips(List<TripVehicle> fleet, List<Route> routes) {
        return fleet.stream().filter(t -> routes.stream()
                .anyMatch(r -> r.vehicleId().equals(t.vehicle().id()) && r.trip() == t.trip())).toList();
    }

    private Candidate parallel(List<TripVehicle> fleet, Set<String> jobs, List<Route> warm, Budget.Slice slice, long seed,
                               double threshold) {
        JspritProblem jp = new JspritProblem(problem, matrix, fleet, jobs, weight);
        List<Future<Candidate>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            long runSeed = seed * 31 + i;
            futures.add(pool.submit(() -> single(jp, warm, slice, runSeed, threshold)));
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

    private Candidate single(JspritProblem jp, List<Route> warm, Budget.Slice slice, long seed, double threshold) {
        SolutionCodec codec = new SolutionCodec(jp, replay);
        HierarchicalObjective objective = new HierarchicalObjective(jp);
        Optional<VehicleRoutingProblemSolution> start = Optional.empty();
        if (!warm.isEmpty()) {
            VehicleRoutingProblemSolution seeded = codec.seed(warm, 0);
            seeded.setCost(objective.getCosts(seeded));
            start = Optional.of(seeded);
        }
        VehicleRoutingProblemSolution s = JspritRun.search(jp, profile, threshold, seed, slice.iterations(), slice.nanos(), start);
        double cost = objective.getCosts(s);
        // The search may end worse than where it started (it accepts worse moves on the way); keep the start then.
        if (start.isPresent() && start.get().getCost() < cost) {
            s = start.get();
            cost = s.getCost();
        }
        return new Candidate(codec.routes(s), codec.unassignedJobIds(s), cost);
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
