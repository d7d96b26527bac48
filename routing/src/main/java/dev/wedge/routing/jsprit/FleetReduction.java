package dev.wedge.routing.jsprit;

import dev.wedge.routing.cost.TravelCosts;
import dev.wedge.routing.improve.LocalSearch;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.reduce.RouteMinimiser;
import dev.wedge.routing.reduce.internal.StringRemovalSearch;
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
    private final Tuning tuning;

    /**
     * How shortening searches: the annealing temperatures, the stops a ruin takes out on average, and whether the
     * threads swap their best plan half-way (both go on from the better one, at the temperature reached).
     */
    record Tuning(StringRemovalSearch.Cooling cooling, int meanRemoved, boolean exchange) {
        static final Tuning STANDARD = new Tuning(StringRemovalSearch.Cooling.STANDARD,
                StringRemovalSearch.MEAN_REMOVED, false);

        Tuning {
            if (cooling == null || meanRemoved < 1) {
                throw new IllegalArgumentException("Shortening needs a cooling and at least 1 stop removed, got "
                        + cooling + ", " + meanRemoved);
            }
        }
    }

    FleetReduction(double minimiseUntil, double searchUntil, double shortenUntil) {
        this(minimiseUntil, searchUntil, shortenUntil, Tuning.STANDARD);
    }

    /**
     * Shares of the time limit at which minimisation, the jsprit search after it, and shortening end (0 turns
     * minimisation or shortening off).
     */
    FleetReduction(double minimiseUntil, double searchUntil, double shortenUntil, Tuning tuning) {
        if (minimiseUntil < 0 || searchUntil < minimiseUntil || shortenUntil > 1
                || shortenUntil > 0 && shortenUntil < searchUntil) {
            throw new IllegalArgumentException("Shares must rise from 0 to at most 1: minimise until " + minimiseUntil
                    + ", search until " + searchUntil + ", shorten until " + shortenUntil);
        }
        this.minimiseUntil = minimiseUntil;
        this.searchUntil = searchUntil;
        this.shortenUntil = shortenUntil;
        this.tuning = tuning;
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
        List<Route> best = tuning.exchange() ? shortenInHalves(minimiser, routes, options, limits, pool)
                : shortenOnce(minimiser, routes, options, limits, tuning.cooling(), pool, 0);
        LOG.debug("shortening: distance {} -> {}", distance(routes), distance(best));
        return distance(best) <= distance(routes) && best.size() <= routes.size() ? best : routes;
    }

    private List<Route> shortenOnce(RouteMinimiser minimiser, List<Route> routes, SolveOptions options,
                                    RouteMinimiser.Limits limits, StringRemovalSearch.Cooling cooling,
                                    ExecutorService pool, long salt) {
        return best(pool, options, seed -> () -> Optional.of(minimiser.shorten(routes, limits, seed ^ salt, cooling,
                tuning.meanRemoved()))).orElse(routes);
    }

    // Both threads anneal half the way down, then both continue from the better plan: the schedule goes on at the
    // temperature reached (geometric mean of hot and cold), so only the start plan of the second half changes.
    private List<Route> shortenInHalves(RouteMinimiser minimiser, List<Route> routes, SolveOptions options,
                                        RouteMinimiser.Limits limits, ExecutorService pool) {
        long now = System.nanoTime();
        long mid = now + Math.max(0, limits.deadlineNanos() - now) / 2;
        long steps = limits.maxSteps() == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, limits.maxSteps() / 2);
        StringRemovalSearch.Cooling c = tuning.cooling();
        double warm = Math.sqrt(c.hotEdges() * c.coldEdges());
        List<Route> half = shortenOnce(minimiser, routes, options, new RouteMinimiser.Limits(mid, steps),
                new StringRemovalSearch.Cooling(c.hotEdges(), warm), pool, 0);
        return shortenOnce(minimiser, half, options, new RouteMinimiser.Limits(limits.deadlineNanos(), steps),
                new StringRemovalSearch.Cooling(warm, c.coldEdges()), pool, 0x5DEECE66DL);
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
