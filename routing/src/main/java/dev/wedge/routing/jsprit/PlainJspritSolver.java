package dev.wedge.routing.jsprit;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.util.Solutions;
import dev.wedge.routing.cost.TravelCosts;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.plan.Plan;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.solve.Objective;
import dev.wedge.routing.solve.PlanCosts;
import dev.wedge.routing.solve.RouteSolver;
import dev.wedge.routing.solve.SolveOptions;
import dev.wedge.routing.solve.UnassignedExplainer;
import java.util.List;
import java.util.Random;

/**
 * jsprit as it comes, for comparison: {@code Jsprit.Builder} defaults (its own strategies, acceptance, objective
 * and its default 2000 iterations unless fewer are asked), the same time bound and threads, and (for the
 * hierarchical objective) the same fixed cost per vehicle as Wedge's solver so that it also tries to use fewer
 * vehicles. Single trip only.
 */
public final class PlainJspritSolver implements RouteSolver {
    private static final int JSPRIT_DEFAULT_ITERATIONS = 2000;

    /** Uses the same fixed cost per vehicle as {@link JspritRouteSolver} puts on the vehicle count. */
    public PlainJspritSolver() {
    }

    @Override
    public Plan solve(Problem problem, TravelCosts costs, SolveOptions options) {
        long started = System.nanoTime();
        PlaceMatrix matrix = new PlaceMatrix(problem, costs);
        List<TripVehicle> fleet = problem.vehicles().stream().map(TripVehicle::first).toList();
        double fixedCost = options.objective() == Objective.COST ? 0 : JspritRouteSolver.vehicleWeight(matrix);
        JspritProblem jp = new JspritProblem(problem, matrix, fleet, problem.jobIds(), fixedCost);
        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(jp.vrp)
                .setRandom(new Random(options.seed()))
                .setProperty(Jsprit.Parameter.THREADS, Integer.toString(options.threads()))
                .buildAlgorithm();
        algorithm.setMaxIterations(Math.min(options.maxIterations(), JSPRIT_DEFAULT_ITERATIONS));
        TimeTermination time = new TimeTermination(options.timeLimit().toMillis());
        algorithm.addTerminationCriterion(time);
        algorithm.addListener(time);
        VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());
        SolutionCodec codec = new SolutionCodec(jp, new dev.wedge.routing.check.RouteReplay(problem, costs));
        List<Route> routes = codec.routes(best);
        return new Plan(routes, new UnassignedExplainer(problem, costs).explain(codec.unassignedJobIds(best)),
                PlanCosts.distance(routes), PlanCosts.cost(problem, routes), (System.nanoTime() - started) / 1e9);
    }
}
