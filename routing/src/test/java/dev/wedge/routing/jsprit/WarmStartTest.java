package dev.wedge.routing.jsprit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wedge.routing.SmallProblems;
import dev.wedge.routing.check.PlanChecker;
import dev.wedge.routing.cost.EuclideanCosts;
import dev.wedge.routing.model.Amount;
import dev.wedge.routing.model.Place;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.model.TimeWindow;
import dev.wedge.routing.plan.Plan;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.plan.Visit;
import dev.wedge.routing.solve.SolveOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmStartTest {
    private final EuclideanCosts costs = EuclideanCosts.solomon();
    private final JspritRouteSolver solver = new JspritRouteSolver();

    @Test
    void replansFromThePreviousPlanWhenOrdersChange() {
        Problem yesterday = SmallProblems.problem(SmallProblems.vehicles(4, 40), SmallProblems.randomStops(25, 13));
        Plan previous = solver.solve(yesterday, costs, SolveOptions.forIterations(400, 3));
        List<Stop> changed = new ArrayList<>(yesterday.stops());
        changed.remove(4);
        changed.add(Stop.delivery("late-order", new Place("late", 55, 45), Amount.of(2), 10, new TimeWindow(0, 900)));
        Problem today = yesterday.withStops(changed);

        // Very few iterations: the warm start must carry most of the quality.
        Plan warm = solver.solve(today, costs, SolveOptions.forIterations(20, 3).withWarmStart(previous));
        Plan cold = solver.solve(today, costs, SolveOptions.forIterations(20, 3));

        assertThat(new PlanChecker(today, costs).check(warm)).isEmpty();
        assertThat(warm.unassigned()).isEmpty();
        assertThat(warm.routes().stream().flatMap(r -> r.visits().stream()).map(Visit::stopId)).contains("late-order")
                .doesNotContain("s5");
        assertThat(warm.vehicles()).isLessThanOrEqualTo(previous.vehicles());
        if (warm.vehicles() == previous.vehicles()) {
            assertThat(warm.distance()).isLessThanOrEqualTo(previous.distance() * 1.15);
        }
        assertThat(warm.vehicles() * 10_000 + warm.distance()).isLessThanOrEqualTo(cold.vehicles() * 10_000 + cold.distance() + 1e-6);
    }

    @Test
    void dropsVisitsOfTheOldPlanThatNoLongerFit() {
        Problem before = SmallProblems.problem(SmallProblems.vehicles(2, 100), SmallProblems.randomStops(8, 5));
        Plan previous = solver.solve(before, costs, SolveOptions.forIterations(200, 8));
        Route longest = previous.routes().stream().max((a, b) -> a.visits().size() - b.visits().size()).orElseThrow();
        String moved = longest.visits().get(0).stopId();
        List<Stop> stops = before.stops().stream()
                .map(s -> s.id().equals(moved) ? s.withWindows(List.of(new TimeWindow(990, 995))) : s).toList();
        Problem after = before.withStops(stops);

        Plan replanned = solver.solve(after, costs, SolveOptions.forIterations(50, 8).withWarmStart(previous));

        assertThat(new PlanChecker(after, costs).check(replanned)).isEmpty();
    }
}
