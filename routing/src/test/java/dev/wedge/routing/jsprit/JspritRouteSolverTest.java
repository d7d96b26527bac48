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
import dev.wedge.routing.plan.UnassignedJob;
import dev.wedge.routing.plan.UnassignedReason;
import dev.wedge.routing.solve.SolveOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JspritRouteSolverTest {
    private final EuclideanCosts costs = EuclideanCosts.solomon();
    private final JspritRouteSolver solver = new JspritRouteSolver();

    @Test
    void plansEveryStopWithinCapacityAndTimeWindows() {
        Problem problem = SmallProblems.problem(SmallProblems.vehicles(4, 40), SmallProblems.randomStops(20, 7));

        Plan plan = solver.solve(problem, costs, SolveOptions.forIterations(300, 42));

        assertThat(new PlanChecker(problem, costs).check(plan)).isEmpty();
        assertThat(plan.unassigned()).isEmpty();
        assertThat(plan.routes()).isNotEmpty();
        assertThat(plan.routes().stream().mapToInt(r -> r.visits().size()).sum()).isEqualTo(20);
    }

    @Test
    void reportsStopsThatCannotBeServedWithTheirReason() {
        List<Stop> stops = new ArrayList<>(SmallProblems.randomStops(10, 3));
        stops.add(Stop.delivery("too-heavy", new Place("h", 60, 60), Amount.of(500), 10, new TimeWindow(0, 900)));
        stops.add(Stop.delivery("too-far", new Place("f", 950, 950), Amount.of(1), 10, new TimeWindow(0, 900)));
        Problem problem = SmallProblems.problem(SmallProblems.vehicles(3, 40), stops);

        Plan plan = solver.solve(problem, costs, SolveOptions.forIterations(200, 1));

        assertThat(new PlanChecker(problem, costs).check(plan)).isEmpty();
        assertThat(plan.unassigned()).extracting(UnassignedJob::jobId, UnassignedJob::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("too-heavy", UnassignedReason.CAPACITY),
                        org.assertj.core.groups.Tuple.tuple("too-far", UnassignedReason.TIME_WINDOW));
    }

    @Test
    void repeatsARunExactlyWithTheSameSeedAndIterationCount() {
        Problem problem = SmallProblems.problem(SmallProblems.vehicles(4, 40), SmallProblems.randomStops(25, 19));

        Plan first = solver.solve(problem, costs, SolveOptions.forIterations(150, 99));
        Plan second = solver.solve(problem, costs, SolveOptions.forIterations(150, 99));

        assertThat(second.routes()).isEqualTo(first.routes());
        assertThat(second.distance()).isEqualTo(first.distance());
    }

    @Test
    void usesFewerVehiclesWhenTheyAreEnough() {
        Problem problem = SmallProblems.problem(SmallProblems.vehicles(6, 1000),
                SmallProblems.randomStops(12, 11).stream().map(s -> s.withWindows(List.of(new TimeWindow(0, 900)))).toList());

        Plan plan = solver.solve(problem, costs, SolveOptions.forIterations(300, 5));

        assertThat(new PlanChecker(problem, costs).check(plan)).isEmpty();
        assertThat(plan.vehicles()).isEqualTo(1);
    }

    @Test
    void reachesTheBestKnownVehicleCountOfR101ThroughRouteMinimisation() {
        Problem problem = dev.wedge.routing.bench.SolomonReader.read(dev.wedge.routing.Corpus.solomon("R101.txt"));

        Plan with = solver.solve(problem, costs, SolveOptions.forIterations(100, 3));
        Plan without = new JspritRouteSolver(JspritRun.Profile.standard(), 0, 0, 0).solve(problem, costs,
                SolveOptions.forIterations(100, 3));

        // 19 is the best-known count; jsprit alone needs more in 100 iterations.
        assertThat(new PlanChecker(problem, costs).check(with)).isEmpty();
        assertThat(with.unassigned()).isEmpty();
        assertThat(with.vehicles()).isEqualTo(19).isLessThan(without.vehicles());
    }

    @Test
    void keepsTheMinimisedFleetAndRepeatsWhenJspritSearchesBetweenMinimisingAndShortening() {
        Problem problem = dev.wedge.routing.bench.SolomonReader.read(dev.wedge.routing.Corpus.solomon("R101.txt"));
        // The default leaves jsprit out after minimisation; this split gives it the middle of the time.
        JspritRouteSolver withJspritStage = new JspritRouteSolver(JspritRun.Profile.standard(), 0.2, 0.585, 0.97);

        Plan first = withJspritStage.solve(problem, costs, SolveOptions.forIterations(100, 3));
        Plan second = withJspritStage.solve(problem, costs, SolveOptions.forIterations(100, 3));

        assertThat(new PlanChecker(problem, costs).check(first)).isEmpty();
        assertThat(first.unassigned()).isEmpty();
        assertThat(first.vehicles()).isEqualTo(19);
        assertThat(second.routes()).isEqualTo(first.routes());
    }

    @Test
    void keepsTheMinimisedFleetAndRepeatsWhenTheThreadsSwapTheirBestPlanHalfWay() {
        Problem problem = dev.wedge.routing.bench.SolomonReader.read(dev.wedge.routing.Corpus.solomon("R101.txt"));
        // A tuning for A/B runs only: both threads continue from the better plan half-way through shortening.
        FleetReduction.Tuning swap = new FleetReduction.Tuning(
                dev.wedge.routing.reduce.internal.StringRemovalSearch.Cooling.STANDARD, 10, true);
        JspritRouteSolver swapping = new JspritRouteSolver(JspritRun.Profile.standard(), 0.2, 0.2, 0.97, swap);

        Plan first = swapping.solve(problem, costs, SolveOptions.forIterations(100, 3));
        Plan second = swapping.solve(problem, costs, SolveOptions.forIterations(100, 3));

        assertThat(new PlanChecker(problem, costs).check(first)).isEmpty();
        assertThat(first.unassigned()).isEmpty();
        assertThat(first.vehicles()).isEqualTo(19);
        assertThat(second.routes()).isEqualTo(first.routes());
    }

    @Test
    void refusesAShorteningTuningThatRemovesNoStop() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FleetReduction.Tuning(
                        dev.wedge.routing.reduce.internal.StringRemovalSearch.Cooling.STANDARD, 0, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 stop removed");
    }

    @Test
    void refusesATimeSplitWhoseSharesDoNotRise() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new JspritRouteSolver(JspritRun.Profile.standard(), 0.5, 0.3, 0.97))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("search until 0.3");
    }

    @Test
    void reportsAStopNoVehicleCanServeAsUnassignedWhenRouteMinimisationApplies() {
        List<Stop> stops = List.of(Stop.delivery("too-heavy", new Place("h", 60, 60), Amount.of(500), 10,
                new TimeWindow(0, 900)));
        Problem problem = SmallProblems.problem(SmallProblems.vehicles(2, 40), stops);

        Plan plan = solver.solve(problem, costs, SolveOptions.forIterations(20, 1));

        assertThat(new PlanChecker(problem, costs).check(plan)).isEmpty();
        assertThat(plan.routes()).isEmpty();
        assertThat(plan.unassigned()).extracting(UnassignedJob::jobId).containsExactly("too-heavy");
    }
}
