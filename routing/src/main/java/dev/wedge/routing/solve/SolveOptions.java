package dev.wedge.routing.solve;

import dev.wedge.routing.plan.Plan;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long and how hard to search. The solve stops at the time limit or after {@code maxIterations} iterations,
 * whichever comes first; with a fixed seed and an iteration bound that is reached before the time limit, a run
 * repeats exactly. {@code warmStart} is a previous plan for the same fleet whose routes seed the search.
 */
public record SolveOptions(Duration timeLimit, int maxIterations, long seed, int threads, Optional<Plan> warmStart,
                           Objective objective) {
    public SolveOptions {
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(warmStart, "warmStart");
        Objects.requireNonNull(objective, "objective");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("The time limit must be positive, got " + timeLimit);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** Bounded by wall time only, on two threads. */
    public static SolveOptions forTime(Duration limit, long seed) {
        return new SolveOptions(limit, Integer.MAX_VALUE, seed, 2, Optional.empty(), Objective.VEHICLES_THEN_COST);
    }

    /** Bounded by an iteration count (with a generous time cap), so the run is repeatable. */
    public static SolveOptions forIterations(int iterations, long seed) {
        return new SolveOptions(Duration.ofMinutes(5), iterations, seed, 2, Optional.empty(), Objective.VEHICLES_THEN_COST);
    }

    public SolveOptions withWarmStart(Plan plan) {
        return new SolveOptions(timeLimit, maxIterations, seed, threads, Optional.of(plan), objective);
    }

    public SolveOptions withObjective(Objective o) {
        return new SolveOptions(timeLimit, maxIterations, seed, threads, warmStart, o);
    }

    public SolveOptions withThreads(int n) {
        return new SolveOptions(timeLimit, maxIterations, seed, n, warmStart, objective);
    }
}
