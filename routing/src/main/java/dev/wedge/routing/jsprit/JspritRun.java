package dev.wedge.routing.jsprit;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.util.Solutions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** One single-threaded jsprit search over a {@link JspritProblem}, bounded by iterations and wall time. */
final class JspritRun {
    private JspritRun() {
    }

    /** The strategy weights and acceptance used by Wedge's search. */
    record Profile(Map<Jsprit.Strategy, Double> weights, Map<Jsprit.Parameter, String> parameters,
                   double thresholdPercent, double fixedCostParam,
                   double constructShare, double eliminationShare, double polishReserve,
                   double polishThresholdPercent, double eliminationThresholdPercent, int polishRounds) {
        static Profile standard() {
            return new Profile(Map.of(
                    Jsprit.Strategy.RADIAL_BEST, 0.5, Jsprit.Strategy.RADIAL_REGRET, 0.5,
                    Jsprit.Strategy.RANDOM_BEST, 0.3, Jsprit.Strategy.RANDOM_REGRET, 0.3,
                    Jsprit.Strategy.WORST_BEST, 0.0, Jsprit.Strategy.WORST_REGRET, 0.2,
                    Jsprit.Strategy.CLUSTER_BEST, 0.2, Jsprit.Strategy.CLUSTER_REGRET, 0.2,
                    Jsprit.Strategy.STRING_BEST, 0.6, Jsprit.Strategy.STRING_REGRET, 0.6), smallRuins(), 1.0, 0.0, 0.25, 0.10, 0.45, 1.0, 3.0, 1);
        }

        // jsprit's defaults remove up to half of all jobs per iteration (random ruins) and use full regret; small
        // ruins and fast regret give many more iterations in the same time, which pays under a wall-time bound.
        private static Map<Jsprit.Parameter, String> smallRuins() {
            Map<Jsprit.Parameter, String> p = new java.util.EnumMap<>(Jsprit.Parameter.class);
            for (Jsprit.Parameter min : List.of(Jsprit.Parameter.RADIAL_MIN_SHARE, Jsprit.Parameter.RANDOM_BEST_MIN_SHARE,
                    Jsprit.Parameter.RANDOM_REGRET_MIN_SHARE, Jsprit.Parameter.WORST_MIN_SHARE)) {
                p.put(min, "5");
            }
            for (Jsprit.Parameter max : List.of(Jsprit.Parameter.RADIAL_MAX_SHARE, Jsprit.Parameter.RANDOM_BEST_MAX_SHARE,
                    Jsprit.Parameter.RANDOM_REGRET_MAX_SHARE, Jsprit.Parameter.WORST_MAX_SHARE)) {
                p.put(max, "20");
            }
            p.put(Jsprit.Parameter.FAST_REGRET, "true");
            p.put(Jsprit.Parameter.CONSTRUCTION, Jsprit.Construction.BEST_INSERTION.toString());
            return p;
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
        profile.parameters().forEach(b::setProperty);
        VehicleRoutingAlgorithm algorithm = b.buildAlgorithm();
        algorithm.setMaxIterations(iterations);
        TimeTermination time = new TimeTermination(Math.max(1, budgetNanos / 1_000_000));
        algorithm.addTerminationCriterion(time);
        algorithm.addListener(time);
        start.ifPresent(s -> algorithm.addInitialSolution(VehicleRoutingProblemSolution.copyOf(s)));
        return Solutions.bestOf(algorithm.searchSolutions());
    }
}
