package dev.wedge.routing.jsprit;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.util.Solutions;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** One single-threaded jsprit search over a {@link JspritProblem}, bounded by iterations and wall time. */
final class JspritRun {
    private JspritRun() {
    }

    /** The strategy weights and acceptance used by Wedge's search. */
    record Profile(Map<Jsprit.Strategy, Double> weights, double thresholdPercent, double fixedCostParam,
                   double constructShare, double eliminationShare, double polishReserve,
                   double polishThresholdPercent) {
        static Profile standard() {
            return new Profile(Map.of(
                    Jsprit.Strategy.RADIAL_BEST, 0.5, Jsprit.Strategy.RADIAL_REGRET, 0.5,
                    Jsprit.Strategy.RANDOM_BEST, 0.3, Jsprit.Strategy.RANDOM_REGRET, 0.3,
                    Jsprit.Strategy.WORST_BEST, 0.0, Jsprit.Strategy.WORST_REGRET, 0.2,
                    Jsprit.Strategy.CLUSTER_BEST, 0.2, Jsprit.Strategy.CLUSTER_REGRET, 0.2,
                    Jsprit.Strategy.STRING_BEST, 0.6, Jsprit.Strategy.STRING_REGRET, 0.6), 1.0, 0.0, 0.35, 0.15, 0.25, 0.3);
        }
    }

    static VehicleRoutingProblemSolution search(JspritProblem jp, Profile profile, double thresholdPercent, long seed,
                                                int iterations, long budgetNanos,
                                                Optional<VehicleRoutingProblemSolution> start) {
        HierarchicalObjective objective = new HierarchicalObjective(jp);
        ProgressThresholdAcceptor acceptor = new ProgressThresholdAcceptor(thresholdPercent, budgetNanos,
                iterations, objective::variableCost);
        Jsprit.Builder b = Jsprit.Builder.newInstance(jp.vrp)
                .setRandom(new Random(seed))
                .setProperty(Jsprit.Parameter.THREADS, "1")
                .setProperty(Jsprit.Parameter.FIXED_COST_PARAM, Double.toString(profile.fixedCostParam()))
                .setObjectiveFunction(objective)
                .setCustomAcceptor(acceptor);
        profile.weights().forEach((s, w) -> b.setProperty(s, Double.toString(w)));
        VehicleRoutingAlgorithm algorithm = b.buildAlgorithm();
        algorithm.setMaxIterations(iterations);
        TimeTermination time = new TimeTermination(Math.max(1, budgetNanos / 1_000_000));
        algorithm.addTerminationCriterion(time);
        algorithm.addListener(time);
        start.ifPresent(s -> algorithm.addInitialSolution(VehicleRoutingProblemSolution.copyOf(s)));
        return Solutions.bestOf(algorithm.searchSolutions());
    }
}
