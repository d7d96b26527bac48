package dev.wedge.routing.bench;

import dev.wedge.routing.check.PlanChecker;
import dev.wedge.routing.cost.TravelCosts;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.plan.Plan;
import dev.wedge.routing.solve.RouteSolver;
import dev.wedge.routing.solve.SolveOptions;
import java.util.Optional;

/**
 * Runs one solver on one benchmark problem and checks the plan with {@link PlanChecker}, so a benchmark figure
 * never comes from an invalid plan unnoticed. Benchmarks are not tests: callers print the figures.
 */
public final class BenchmarkRunner {
    private BenchmarkRunner() {
    }

    public static InstanceResult run(String solverName, RouteSolver solver, Problem problem, TravelCosts costs,
                                     SolveOptions options, Optional<BestKnown.Entry> bestKnown) {
        Plan plan = solver.solve(problem, costs, options);
        int violations = new PlanChecker(problem, costs).check(plan).size();
        return new InstanceResult(problem.name(), solverName, plan, bestKnown, violations);
    }
}
