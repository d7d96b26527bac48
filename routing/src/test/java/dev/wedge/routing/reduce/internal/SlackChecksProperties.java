package dev.wedge.routing.reduce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wedge.routing.check.RouteReplay;
import dev.wedge.routing.cost.EuclideanCosts;
import dev.wedge.routing.model.Amount;
import dev.wedge.routing.model.Depot;
import dev.wedge.routing.model.Place;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.model.TimeWindow;
import dev.wedge.routing.model.Vehicle;
import dev.wedge.routing.model.VehicleType;
import dev.wedge.routing.plan.Visit;
import dev.wedge.routing.plan.VisitKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The minimiser's O(1) checks (from earliest starts, latest starts and load sums) must agree with
 * {@link RouteReplay}, the checker's independent replay: never feasible where the replay finds a violation, and
 * feasible wherever the replay finds the route feasible with a margin (the replay allows 1e-6 of rounding).
 */
class SlackChecksProperties {
    private static final double MARGIN = 1e-5;
    private final EuclideanCosts costs = EuclideanCosts.solomon();

    @Property(tries = 60)
    void insertRemoveReplaceAndJoinAgreeWithTheReplay(@ForAll @IntRange(min = 4, max = 40) int stops,
                                                      @ForAll long seed) {
        Random random = new Random(seed);
        Problem problem = randomProblem(stops, random);
        Problem tight = tightened(problem);
        FlatInstance in = FlatInstance.of(problem, costs);
        List<int[]> routes = new PoolSearch(in, seed, Long.MAX_VALUE, 1).construct();
        WorkingPlan plan = new WorkingPlan(in, routes);
        for (int k = 0; k < 200 && plan.tours.size() > 1; k++) {
            Tour a = plan.tours.get(random.nextInt(plan.tours.size()));
            Tour b = plan.tours.get(random.nextInt(plan.tours.size()));
            if (a == b) {
                continue;
            }
            int v = b.nodes[1 + random.nextInt(b.size)];
            int i = random.nextInt(a.size + 1);
            agree(a.canInsert(v, i), inserted(a.stops(), i, v), problem, tight, in);
            int r = 1 + random.nextInt(a.size);
            agree(a.canRemove(r), removed(a.stops(), r), problem, tight, in);
            agree(a.canReplace(r, v), replaced(a.stops(), r, v), problem, tight, in);
            int j = random.nextInt(b.size + 1);
            agree(new Perturbation(in, random).joins(a, r, b, j), joined(a.stops(), r, b.stops(), j), problem, tight, in);
        }
    }

    @Property(tries = 40)
    void ejectionFindsTheLeastCounterSumAndAFeasibleRoute(@ForAll @IntRange(min = 6, max = 30) int stops,
                                                         @ForAll long seed) {
        Random random = new Random(seed);
        Problem problem = randomProblem(stops, random);
        FlatInstance in = FlatInstance.of(problem, costs);
        WorkingPlan plan = new WorkingPlan(in, new PoolSearch(in, seed, Long.MAX_VALUE, 1).construct());
        if (plan.tours.size() < 2) {
            return;
        }
        int[] counters = new int[in.n + 1];
        for (int i = 1; i <= in.n; i++) {
            counters[i] = 1 + random.nextInt(5);
        }
        Tour source = plan.tours.get(0);
        int v = source.nodes[1];
        List<Tour> others = plan.tours.subList(1, plan.tours.size());
        Optional<EjectionSearch.Ejection> found = new EjectionSearch(in, 2, Long.MAX_VALUE).best(others, v, counters);

        int bruteForce = Integer.MAX_VALUE;
        for (Tour t : others) {
            bruteForce = Math.min(bruteForce, leastSum(t, v, counters, problem, in));
        }
        assertThat(found.map(EjectionSearch.Ejection::penalty).orElse(Integer.MAX_VALUE)).isEqualTo(bruteForce);
        found.ifPresent(e -> assertThat(replay(problem, in, EjectionSearch.apply(e, v)).feasible()).isTrue());
    }

    // Every choice of at most two stops to take out and every place for v, checked by replay.
    private int leastSum(Tour t, int v, int[] counters, Problem problem, FlatInstance in) {
        int best = Integer.MAX_VALUE;
        int[] s = t.stops();
        for (int a = -1; a < s.length; a++) {
            for (int b = a; b < s.length; b++) {
                if (b == a && a >= 0) {
                    continue;
                }
                List<Integer> kept = new ArrayList<>();
                for (int k = 0; k < s.length; k++) {
                    if (k != a && k != b) {
                        kept.add(s[k]);
                    }
                }
                int sum = (a >= 0 ? counters[s[a]] : 0) + (b >= 0 ? counters[s[b]] : 0);
                for (int pos = 0; pos <= kept.size() && sum < best; pos++) {
                    List<Integer> route = new ArrayList<>(kept);
                    route.add(pos, v);
                    if (replay(problem, in, route.stream().mapToInt(Integer::intValue).toArray()).feasible()) {
                        best = sum;
                    }
                }
            }
        }
        return best;
    }

    private void agree(boolean fast, int[] route, Problem problem, Problem tight, FlatInstance in) {
        boolean replayed = replay(problem, in, route).feasible();
        if (fast) {
            assertThat(replayed).as("feasible by slack, not by replay: %s", Arrays.toString(route)).isTrue();
        } else {
            assertThat(replay(tight, in, route).feasible()).as("feasible by replay, not by slack: %s",
                    Arrays.toString(route)).isFalse();
        }
    }

    private RouteReplay.Outcome replay(Problem problem, FlatInstance in, int[] route) {
        List<Visit> visits = new ArrayList<>();
        for (int node : route) {
            String id = in.stop(node).id();
            visits.add(new Visit(id, id, VisitKind.DELIVERY, 0, 0, 0));
        }
        return new RouteReplay(problem, costs).replay(problem.vehicles().get(0), 0, visits);
    }

    static Problem randomProblem(int stops, Random random) {
        Depot depot = new Depot("depot", new Place("depot", 50, 50), new TimeWindow(0, 400 + random.nextInt(600)));
        int capacity = 10 + random.nextInt(40);
        VehicleType type = VehicleType.distanceOnly("van", Amount.of(capacity, 5 + random.nextInt(20)));
        List<Vehicle> vehicles = new ArrayList<>();
        for (int i = 1; i <= stops; i++) {
            vehicles.add(Vehicle.simple("v" + i, type, "depot", depot.opening()));
        }
        List<Stop> out = new ArrayList<>();
        for (int i = 1; i <= stops; i++) {
            double open = random.nextDouble() * depot.opening().end() * 0.7;
            double width = 10 + random.nextDouble() * 200;
            out.add(Stop.delivery("s" + i, new Place("p" + i, random.nextDouble() * 100, random.nextDouble() * 100),
                    Amount.of(1 + random.nextInt(9), random.nextInt(4)), random.nextDouble() * 15,
                    new TimeWindow(open, open + width)));
        }
        return Problem.of("random", List.of(depot), vehicles, out);
    }

    // The same problem with every window and the depot's closing moved earlier by MARGIN.
    private static Problem tightened(Problem p) {
        Depot d = p.depots().get(0);
        TimeWindow close = new TimeWindow(d.opening().start(), d.opening().end() - MARGIN);
        List<Vehicle> vehicles = p.vehicles().stream().map(v -> v.withShift(close)).toList();
        List<Stop> stops = p.stops().stream().map(s -> s.withWindows(List.of(new TimeWindow(s.windows().get(0).start(),
                Math.max(s.windows().get(0).start(), s.windows().get(0).end() - MARGIN))))).toList();
        return Problem.of(p.name(), List.of(new Depot(d.id(), d.place(), close)), vehicles, stops);
    }

    private static int[] inserted(int[] s, int i, int v) {
        int[] out = new int[s.length + 1];
        System.arraycopy(s, 0, out, 0, i);
        out[i] = v;
        System.arraycopy(s, i, out, i + 1, s.length - i);
        return out;
    }

    private static int[] removed(int[] s, int r) {
        int[] out = new int[s.length - 1];
        System.arraycopy(s, 0, out, 0, r - 1);
        System.arraycopy(s, r, out, r - 1, s.length - r);
        return out;
    }

    private static int[] replaced(int[] s, int r, int v) {
        int[] out = s.clone();
        out[r - 1] = v;
        return out;
    }

    private static int[] joined(int[] a, int i, int[] b, int j) {
        int[] out = new int[i + b.length - j];
        System.arraycopy(a, 0, out, 0, i);
        System.arraycopy(b, j, out, i, b.length - j);
        return out;
    }
}
