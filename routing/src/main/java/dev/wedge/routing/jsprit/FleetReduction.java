package dev.wedge.routing.jsprit;

import dev.wedge.routing.cost.TravelCosts;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.reduce.RouteMinimiser;
import dev.wedge.routing.solve.SolveOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first part of a solve where the {@link RouteMinimiser} applies: one minimiser per thread, each with its own
 * seed, for a share of the time limit (or a step bound derived from the iteration bound, so iteration-bounded runs
 * repeat); the plan with the fewest routes, then the shortest, warm-starts the distance search.
 */
final class FleetReduction {
    private static final Logger LOG = LoggerFactory.getLogger(FleetReduction.class);
    private static final int STEPS_PER_ITERATION = 5;

    private final double timeShare;

    FleetReduction(double timeShare) {
        this.timeShare = timeShare;
    }

    /** Whether this solve should start with route minimisation. */
    boolean applies(Problem problem, SolveOptions options, double vehicleWeight) {
        return timeShare > 0 && vehicleWeight > 0 && options.warmStart().isEmpty()
                && RouteMinimiser.unsupported(problem).isEmpty();
    }

    /** The reduced routes, or empty if the minimiser found no plan within the fleet. */
    Optional<List<Route>> run(Problem problem, TravelCosts costs, SolveOptions options, long startedNanos,
                              ExecutorService pool) {
        RouteMinimiser minimiser = new RouteMinimiser(problem, costs);
        long deadline = startedNanos + (long) (options.timeLimit().toNanos() * timeShare);
        long steps = options.maxIterations() == Integer.MAX_VALUE ? Long.MAX_VALUE
                : (long) options.maxIterations() * STEPS_PER_ITERATION;
        RouteMinimiser.Limits limits = new RouteMinimiser.Limits(deadline, steps);
        List<Future<Optional<List<Route>>>> futures = new ArrayList<>();
        for (int i = 0; i < options.threads(); i++) {
            long seed = options.seed() * 31 + i;
            futures.add(pool.submit(() -> minimiser.minimise(limits, seed)));
        }
        List<List<Route>> found = new ArrayList<>();
        for (Future<Optional<List<Route>>> f : futures) {
            await(f).ifPresent(found::add);
        }
        Optional<List<Route>> best = found.stream().min(Comparator.<List<Route>>comparingInt(List::size)
                .thenComparingDouble(FleetReduction::distance));
        LOG.debug("route minimisation: {} routes", best.map(List::size).orElse(-1));
        return best;
    }

    private static double distance(List<Route> routes) {
        return routes.stream().mapToDouble(Route::distance).sum();
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Route minimisation was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("Route minimisation failed", e.getCause());
        }
    }
}
