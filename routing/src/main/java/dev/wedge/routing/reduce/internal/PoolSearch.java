package dev.wedge.routing.reduce.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Route minimisation with an ejection pool, after the idea Nagata and Bräysy (2009) published for the VRPTW:
 * take one route off the plan and put its stops into a pool; take stops from the pool one by one (last in, first
 * out) and insert each where it fits; when one fits nowhere, raise its failure counter, insert it anyway by
 * ejecting up to {@code maxEjected} stops of one route whose counters sum least (they join the pool), and shake
 * the plan with random feasible moves. The route is gone when the pool is empty; then the next route is tried.
 * When the budget ends with stops still in the pool, the plan from before that attempt is restored, so the result
 * is always feasible. Single-threaded; the same seed and step bound give the same result.
 */
public final class PoolSearch {
    private static final int MAX_EJECTED = 3;
    private static final long MAX_BRANCHES = 20_000;
    private static final int SHAKE_MOVES = 100;

    private final FlatInstance in;
    private final Random random;
    private final EjectionSearch ejection;
    private final Perturbation perturbation;
    private long stepsLeft;
    private final long deadlineNanos;

    /** Limits of one run: wall-time deadline ({@link System#nanoTime()}) and a number of pool steps. */
    public PoolSearch(FlatInstance in, long seed, long deadlineNanos, long maxSteps) {
        this.in = in;
        this.random = new Random(seed);
        this.ejection = new EjectionSearch(in, MAX_EJECTED, MAX_BRANCHES);
        this.perturbation = new Perturbation(in, random);
        this.deadlineNanos = deadlineNanos;
        this.stepsLeft = maxSteps;
    }

    /** Removes routes from {@code start} while it can, down to {@code target} routes; the stops of each route. */
    public List<int[]> minimise(List<int[]> start, int target) {
        WorkingPlan plan = new WorkingPlan(in, start);
        int floor = Math.max(target, in.capacityBound());
        while (plan.tours.size() > floor && budgetLeft()) {
            List<int[]> before = plan.snapshot();
            if (!removeOneRoute(plan)) {
                plan.restore(before);
                break;
            }
        }
        return plan.snapshot();
    }

    /** A first plan: stops by closing time, each where it lengthens a route least, a new route when none fits. */
    public List<int[]> construct() {
        Integer[] order = new Integer[in.n];
        for (int i = 0; i < in.n; i++) {
            order[i] = i + 1;
        }
        Arrays.sort(order, (a, b) -> Double.compare(in.due[a], in.due[b]));
        WorkingPlan plan = new WorkingPlan(in, List.of());
        for (int v : order) {
            if (!plan.insertCheapest(v)) {
                Tour t = new Tour(in, new int[] {v});
                plan.tours.add(t);
                plan.reindex(t);
            }
        }
        return plan.snapshot();
    }

    private boolean removeOneRoute(WorkingPlan plan) {
        plan.dissolve(plan.tours.get(random.nextInt(plan.tours.size())));
        int[] counters = new int[in.n + 1];
        Arrays.fill(counters, 1);
        while (!plan.pool.isEmpty()) {
            if (!budgetLeft()) {
                return false;
            }
            stepsLeft--;
            int v = plan.pool.pop();
            if (plan.insertCheapest(v)) {
                continue;
            }
            counters[v]++;
            List<Tour> order = new ArrayList<>(plan.tours);
            Collections.shuffle(order, random);
            Optional<EjectionSearch.Ejection> found = ejection.best(order, v, counters);
            if (found.isPresent()) {
                eject(plan, found.get(), v);
            } else {
                // Nothing makes room within the bound: try this stop again after the others.
                plan.pool.addLast(v);
            }
            perturbation.shake(plan, SHAKE_MOVES);
        }
        return true;
    }

    private void eject(WorkingPlan plan, EjectionSearch.Ejection e, int v) {
        int[] stops = EjectionSearch.apply(e, v);
        for (int x : e.ejected()) {
            plan.unroute(x);
            plan.pool.push(x);
        }
        plan.change(e.tour(), stops);
        if (!e.tour().feasible()) {
            throw new IllegalStateException("Ejection left route infeasible: " + Arrays.toString(stops));
        }
    }

    private boolean budgetLeft() {
        return stepsLeft > 0 && System.nanoTime() < deadlineNanos;
    }
}
