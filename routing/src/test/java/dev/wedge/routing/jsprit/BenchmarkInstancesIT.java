package dev.wedge.routing.jsprit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wedge.routing.Corpus;
import dev.wedge.routing.bench.BestKnown;
import dev.wedge.routing.bench.SolomonReader;
import dev.wedge.routing.bench.TsplibReader;
import dev.wedge.routing.check.PlanChecker;
import dev.wedge.routing.cost.EuclideanCosts;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.plan.Plan;
import dev.wedge.routing.solve.Objective;
import dev.wedge.routing.solve.SolveOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Solves a few benchmark instances with a fixed seed and iteration count and compares with the best-known
 * values. The tolerances are what this budget reaches reliably, far looser than the 10-second benchmark figures.
 */
class BenchmarkInstancesIT {
    private final JspritRouteSolver solver = new JspritRouteSolver();

    @ParameterizedTest(name = "{0} within {2}% and {1} extra vehicles in {3} iterations")
    @CsvSource({"C101, 0, 1.0, 300", "C201, 0, 1.0, 300", "R101, 1, 6.0, 300", "RC201, 1, 10.0, 1000"})
    void solvesSolomonInstancesNearTheirBestKnownValues(String name, int extraVehicles, double tolerancePercent,
                                                        int iterations) {
        Problem problem = SolomonReader.read(Corpus.solomon(name + ".txt"));
        BestKnown.Entry best = BestKnown.solomon(Corpus.solomon("bks.csv")).of(name).orElseThrow();
        EuclideanCosts costs = EuclideanCosts.solomon();

        Plan plan = solver.solve(problem, costs, SolveOptions.forIterations(iterations, 20_260_101));

        assertThat(new PlanChecker(problem, costs).check(plan)).isEmpty();
        assertThat(plan.unassigned()).isEmpty();
        assertThat(plan.vehicles()).isLessThanOrEqualTo(best.vehicles() + extraVehicles);
        if (plan.vehicles() == best.vehicles()) {
            assertThat(plan.distance()).isLessThanOrEqualTo(best.distance() * (1 + tolerancePercent / 100));
        }
        assertThat(plan.distance()).isGreaterThanOrEqualTo(best.vehicles() == plan.vehicles() ? best.distance() - 0.01 : 0);
    }

    @ParameterizedTest(name = "{0} within {1}% of the optimum")
    @CsvSource({"A-n32-k5, 2.0", "A-n33-k5, 2.0", "A-n37-k6, 3.0"})
    void solvesCvrpInstancesNearTheirOptimum(String name, double tolerancePercent) {
        Problem problem = TsplibReader.read(Corpus.cvrp(name + ".vrp"));
        double optimum = BestKnown.cvrp(Corpus.cvrp("optimal.csv")).of(name).orElseThrow().distance();
        EuclideanCosts costs = EuclideanCosts.tsplib();

        Plan plan = solver.solve(problem, costs, SolveOptions.forIterations(400, 7).withObjective(Objective.COST));

        assertThat(new PlanChecker(problem, costs).check(plan)).isEmpty();
        assertThat(plan.distance()).isBetween(optimum, optimum * (1 + tolerancePercent / 100));
    }
}
