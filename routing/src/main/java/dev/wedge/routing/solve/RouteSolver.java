package dev.wedge.routing.solve;

import dev.wedge.routing.cost.TravelCosts;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.plan.Plan;

/**
 * Plans routes for a problem. Every job of the problem is either in a route of the returned plan or listed as
 * unassigned with a reason; a solver never drops a job silently. Implementations are thread-safe; one call uses
 * at most {@link SolveOptions#threads()} threads and returns within about {@link SolveOptions#timeLimit()}.
 *
 * @throws dev.wedge.routing.RoutingException when the problem cannot be solved at all (for example a travel cost
 *     is missing or the solver cannot express one of its features)
 */
public interface RouteSolver {
    Plan solve(Problem problem, TravelCosts costs, SolveOptions options);
}
