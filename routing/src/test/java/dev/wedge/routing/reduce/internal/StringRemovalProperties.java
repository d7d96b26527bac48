package dev.wedge.routing.reduce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wedge.routing.check.RouteReplay;
import dev.wedge.routing.cost.EuclideanCosts;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.plan.Visit;
import dev.wedge.routing.plan.VisitKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * String removal and blink insertion, one iteration at a time: whatever they do, every route still keeps every
 * rule by {@link RouteReplay} (independent of the O(1) checks), every stop stays on exactly one route, the plan
 * never gains a route, and an iteration that fails is undone exactly.
 */
class StringRemovalProperties {
    private final EuclideanCosts costs = EuclideanCosts.solomon();

    @Property(tries = 40)
    void stringRemovalAndReinsertionKeepEveryRuleAndNeverAddARoute(@ForAll @IntRange(min = 3, max = 45) int stops,
                                                                     @ForAll long seed) {
        Random random = new Random(seed);
        Problem problem = SlackChecksProperties.randomProblem(stops, random);
        FlatInstance in = FlatInstance.of(problem, costs);
        if (in.n == 0) {
            return;
        }
        WorkingPlan plan = new WorkingPlan(in, new PoolSearch(in, seed, Long.MAX_VALUE, 1).construct());
        StringRuin ruin = new StringRuin(in, random);
        BlinkInsertion insertion = new BlinkInsertion(in, random);
        for (int k = 0; k < 150; k++) {
            List<int[]> before = plan.snapshot();
            plan.begin();
            List<Integer> removed = ruin.ruin(plan);
            assertThat(removed).doesNotHaveDuplicates();
            if (!removed.isEmpty() && insertion.recreate(plan, removed)) {
                plan.commit();
                assertThat(plan.tours.size()).isLessThanOrEqualTo(before.size());
            } else {
                plan.rollback();
                assertThat(sorted(plan.snapshot())).isEqualTo(sorted(before));
            }
            assertKeepsEveryRule(plan, problem, in);
        }
    }

    @Property(tries = 30)
    void aStringIsConsecutiveOrSplitByOneKeptRun(@ForAll @IntRange(min = 5, max = 45) int stops, @ForAll long seed) {
        Random random = new Random(seed);
        Problem problem = SlackChecksProperties.randomProblem(stops, random);
        FlatInstance in = FlatInstance.of(problem, costs);
        if (in.n == 0) {
            return;
        }
        WorkingPlan plan = new WorkingPlan(in, new PoolSearch(in, seed, Long.MAX_VALUE, 1).construct());
        List<int[]> before = plan.snapshot();
        plan.begin();
        List<Integer> removed = ruin(plan, in, random);
        plan.rollback();
        for (int[] route : before) {
            // Positions of removed stops on this route: one block, or two blocks with one gap between them.
            int[] marks = IntStream.range(0, route.length).map(i -> removed.contains(route[i]) ? 1 : 0).toArray();
            assertThat(blocks(marks)).isLessThanOrEqualTo(2);
            assertThat(IntStream.of(marks).sum()).isLessThanOrEqualTo(StringRuin.MAX_STRING);
        }
    }

    private static List<Integer> ruin(WorkingPlan plan, FlatInstance in, Random random) {
        return new StringRuin(in, random).ruin(plan);
    }

    private static int blocks(int[] marks) {
        int blocks = 0;
        for (int i = 0; i < marks.length; i++) {
            if (marks[i] == 1 && (i == 0 || marks[i - 1] == 0)) {
                blocks++;
            }
        }
        return blocks;
    }

    private void assertKeepsEveryRule(WorkingPlan plan, Problem problem, FlatInstance in) {
        List<Integer> seen = new ArrayList<>();
        for (Tour t : plan.tours) {
            assertThat(t.size).isPositive();
            List<Visit> visits = new ArrayList<>();
            for (int v : t.stops()) {
                seen.add(v);
                visits.add(new Visit(in.stop(v).id(), in.stop(v).id(), VisitKind.DELIVERY, 0, 0, 0));
                assertThat(plan.tourOf(v)).isSameAs(t);
            }
            RouteReplay.Outcome o = new RouteReplay(problem, costs).replay(problem.vehicles().get(0), 0, visits);
            assertThat(o.feasible()).as("route %s: %s", Arrays.toString(t.stops()), o.violations()).isTrue();
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(in.n);
    }

    private static List<String> sorted(List<int[]> routes) {
        return routes.stream().map(Arrays::toString).sorted().toList();
    }
}
