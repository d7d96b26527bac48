package dev.wedge.routing.jsprit;

import com.graphhopper.jsprit.core.algorithm.acceptor.SolutionAcceptor;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import java.util.Collection;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Threshold acceptance whose threshold shrinks with the search's progress, measured as the larger of elapsed wall
 * time and elapsed iterations against their bounds. jsprit's own schedule shrinks with iterations only, so under a
 * time bound with an open iteration count it would never cool; this one reaches pure descent at the end either way.
 */
final class ProgressThresholdAcceptor implements SolutionAcceptor {
    private final double initialShare;
    private final long startNanos;
    private final long budgetNanos;
    private final int maxIterations;
    private final LongSupplier clock;
    private final ToDoubleFunction<VehicleRoutingProblemSolution> scale;
    private int iterations;
    private double initialThreshold = Double.NaN;

    ProgressThresholdAcceptor(double initialShare, long budgetNanos, int maxIterations,
                              ToDoubleFunction<VehicleRoutingProblemSolution> scale) {
        this.initialShare = initialShare;
        this.clock = System::nanoTime;
        this.startNanos = clock.getAsLong();
        this.budgetNanos = budgetNanos;
        this.maxIterations = maxIterations;
        this.scale = scale;
    }

    @Override
    public boolean acceptSolution(Collection<VehicleRoutingProblemSolution> solutions, VehicleRoutingProblemSolution candidate) {
        iterations++;
        if (solutions.isEmpty()) {
            solutions.add(candidate);
            return true;
        }
        VehicleRoutingProblemSolution current = solutions.iterator().next();
        if (Double.isNaN(initialThreshold)) {
            initialThreshold = initialShare * scale.applyAsDouble(current) / 100;
        }
        double remaining = 1 - progress();
        double threshold = initialThreshold * remaining * remaining;
        if (candidate.getCost() < current.getCost() + threshold) {
            solutions.clear();
            solutions.add(candidate);
            return true;
        }
        return false;
    }

    private double progress() {
        double byTime = (clock.getAsLong() - startNanos) / (double) budgetNanos;
        double byIterations = iterations / (double) maxIterations;
        return Math.min(1, Math.max(byTime, byIterations));
    }
}
