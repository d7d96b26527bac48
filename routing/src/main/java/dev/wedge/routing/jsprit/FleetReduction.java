package dev.wedge.routing.jsprit;

import dev.wedge.routing.cost.TravelCosts;
import dev.wedge.routing.improve.LocalSearch;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.reduce.RouteMinimiser;
import dev.wedge.routing.solve.SolveOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wedge's own steps around the jsprit search, where the {@link RouteMinimiser} applies (and the objective counts
 * vehicles): route minimisation first, until {@code minimiseUntil} of the time limit, whose routes warm-start
 * jsprit with the fleet cut to the routes found (until {@code searchUntil}; no jsprit search at all when that is
 * not after {@code minimiseUntil}); then shortening at that fleet size until {@code shortenUntil}. Each step runs
 * once per thread with its own seed and keeps the best (fewest routes, then shortest). Under an iteration bound
 * the steps are bounded by steps derived from it, so such runs repeat.
 */
final class FleetReduction {
    private static final Logger LOG = LoggerFactory.getLogger(FleetReduction.class);
    private static final int MINIMISE_STEPS_PER_ITERATION = 5;
    private static final int SHORTEN_STEPS_PER_ITERATION = 50;

    private final double minimiseUntil;
    private final double searchUntil;
    private final double shortenUntil;

    /**
     * Shares of the time limit at which minimisation, the jsprit search after it, and shortening end (0 turns
     * minimisation or shortening off).
     */
    FleetReduction(double minimiseUntil, double searchUntil, double shortenUntil) {
        if (minimiseUntil < 0 || searchUntil < minimiseUntil || shortenUntil > 1
                || shortenUntil > 0 && shortenUntil < searchUntil) {
            throw new IllegalArgumentException("Shares must rise from 0 to at most 1: minimise until " + minimiseUntil
                    + ", search until " + searchUntil + ", shorten until " + shortenUntil);
        }
        this.minimiseUntil = minimiseUntil;
        this.searchUntil = searchUntil;
        this.shortenUntil = shortenUntil;
    }

    private static boolean supported(Problem problem, double vehicleWeight) {
        return vehicleWeight > 0 && RouteMinimiser.unsupported(problem).isEmpty()
                && new LocalSearch(problem, null).applies();
    }

    /** Whether this solve should start with route minimisation (not when a warm start is given). */
    boolean minimises(Problem problem, SolveOptions options, double vehicleWeight) {
        return minimiseUntil > 0 && options.warmStart().isEmpty() && supported(problem, vehicleWeight);
    }

    /** Whether this solve should end with shortening; if so jsprit's search ends at {@link #searchUntil()}. */
    boolean shortens(Problem problem, double vehicleWeight) {
        return shortenUntil > 0 && supported(problem, vehicleWeight);
    }

    /**
     * Share of the time limit at which the jsprit search should end when shortening follows: after minimisation
     * as configured, otherwise (a warm start, or no plan within the fleet) half-way to the end of shortening.
     */
    double searchUntil(boolean minimised) {
        return minimised ? searchUntil : Math.max(minimiseUntil, (minimiseUntil + shortenUntil) / 2);
    }

    /** Whether the jsprit search is left out after a successful minimisation. */
    boolean skipsSearch() {
        return searchUntil <= minimiseUntil && shortenUntil > 0;
    }

    /** The reduced routes, or empty if the minimiser found no plan within the fleet. */
    Optional<List<Route>> minimise(Problem problem, TravelCosts costs, SolveOptions options, long startedNanos,
                                   ExecutorService pool) {
        RouteMinimiser minimiser = new RouteMinimiser(problem, costs);
        LocalSearch descent = new LocalSearch(problem, costs);
        RouteMinimiser.Limits limits = limits(options, startedNanos, minimiseUntil, MINIMISE_STEPS_PER_ITERATION);
        // The minimiser's random moves leave long routes; a descent gives jsprit a better start.
        Optional<List<Route>> best = best(pool, options, seed -> () -> minimiser.minimise(limits, seed)
                .map(r -> descent.improve(r, limits.deadlineNanos())));
        LOG.debug("route minimisation: {} routes, distance {}", best.map(List::size).orElse(-1),
                best.map(FleetReduction::distance).orElse(Double.NaN));
        return best;
    }

    /** Shorter routes for the same stops, never more routes. */
    List<Route> shorten(Problem problem, TravelCosts costs, List<Route> routes, SolveOptions options,
                        long startedNanos, ExecutorService pool) {
        RouteMinimiser minimiser = new RouteMinimiser(problem, costs);
        RouteMinimiser.Limits limits = limits(options, startedNanos, shortenUntil, SHORTEN_STEPS_PER_ITERATION);
        List<Route> best = best(pool, options, seed -> () -> Optional.of(minimiser.shorten(routes, limits, seed)))
                .orElse(routes);
        LOG.debug("shortening: distance {} -> {}", distance(routes), distance(best));
        return distance(best) <= distance(routes) && best.size() <= routes.size() ? best : routes;
    }

    private static RouteMinimiser.Limits limits(SolveOptions options, long startedNanos, double until, int perIteration) {
        boolean byTime = options.maxIterations() == Integer.MAX_VALUE;
        return new RouteMinimiser.Limits(startedNanos + (long) (options.timeLimit().toNanos() * until),
                byTime ? Long.MAX_VALUE : (long) options.maxIterations() * perIteration);
    }

    /** One task per thread, seeded by thread; the result with the fewest routes, then the shortest. */
    private static Optional<List<Route>> best(ExecutorService pool, SolveOptions options,
                                              LongFunction<Callable<Optional<List<Route>>>> task) {
        List<Future<Optional<List<Route>>>> futures = new ArrayList<>();
        for (int i = 0; i < options.threads(); i++) {
            futures.add(pool.submit(task.apply(options.seed() * 31 + i)));
        }
        List<List<Route>> found = new ArrayList<>();
        for (Future<Optional<List<Route>>> f : futures) {
            await(f).ifPresent(found::add);
        }
        return found.stream().min(Comparator.<List<Route>>comparingInt(List::size)
                .thenComparingDouble(FleetReduction::distance));
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
