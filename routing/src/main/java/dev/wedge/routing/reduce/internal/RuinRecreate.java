package dev.wedge.routing.reduce.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Shortens a plan without adding routes: each iteration removes a few stops close to a random stop and inserts
 * them again one by one where each lengthens the plan least (in random order, or by closing time, or farthest from
 * the depot first). An iteration whose stops do not all fit again is undone. Shorter results are always kept,
 * longer ones by simulated annealing whose temperature falls over the budget to near descent. The O(1) slack
 * checks of {@link Tour} make an iteration cost about as much as one insertion per removed stop, so many
 * thousands run per second. A route the removal empties and the insertions do not need is dropped.
 */
public final class RuinRecreate {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RuinRecreate.class);
    // Each insertion place is passed over with this probability, so that recreating is not always the same.
    private static final double BLINK = 0.01;
    private static final int MIN_RUIN = 3;
    private static final int MAX_RUIN = 15;

    private final FlatInstance in;
    private final Random random;
    private final long deadlineNanos;
    private final long maxIterations;
    // State of the run in progress.
    private double current;
    private List<int[]> best;
    private double bestLength;
    private long accepted;

    public RuinRecreate(FlatInstance in, long seed, long deadlineNanos, long maxIterations) {
        this.in = in;
        this.random = new Random(seed);
        this.deadlineNanos = deadlineNanos;
        this.maxIterations = maxIterations;
    }

    /** The shortest plan found (never more routes than {@code start}), as the stops of each route. */
    public List<int[]> improve(List<int[]> start) {
        WorkingPlan plan = new WorkingPlan(in, start);
        if (plan.tours.isEmpty()) {
            return start;
        }
        long begin = System.nanoTime();
        current = plan.length();
        double startLength = current;
        double edge = current / Math.max(1, in.n + plan.tours.size());
        double hot = 0.5 * edge;
        double cold = 0.01 * edge;
        best = plan.snapshot();
        bestLength = current;
        long it = 0;
        for (; it < maxIterations; it++) {
            long now = System.nanoTime();
            if (now >= deadlineNanos) {
                break;
            }
            double progress = Math.max((now - begin) / (double) Math.max(1, deadlineNanos - begin),
                    it / (double) maxIterations);
            step(plan, hot * Math.pow(cold / hot, progress));
        }
        LOG.debug("ruin and recreate: {} iterations, {} accepted, length {} -> {}", it, accepted, startLength, bestLength);
        return best;
    }

    // One iteration at the given temperature: kept if shorter, if fewer routes, or by chance; otherwise undone.
    private void step(WorkingPlan plan, double temperature) {
        int routesBefore = plan.tours.size();
        plan.begin();
        if (!ruinAndRecreate(plan)) {
            plan.rollback();
            return;
        }
        double length = plan.length();
        boolean fewer = plan.tours.size() < routesBefore;
        if (!fewer && length >= current && random.nextDouble() >= Math.exp((current - length) / temperature)) {
            plan.rollback();
            return;
        }
        plan.commit();
        accepted++;
        current = length;
        if (plan.tours.size() < best.size() || plan.tours.size() == best.size() && length < bestLength - 1e-9) {
            best = plan.snapshot();
            bestLength = length;
        }
    }

    private boolean ruinAndRecreate(WorkingPlan plan) {
        List<Integer> removed = ruin(plan);
        if (removed.isEmpty()) {
            return false;
        }
        order(removed);
        for (int v : removed) {
            if (!plan.insertCheapest(v, random, BLINK)) {
                return false;
            }
        }
        return true;
    }

    // Removes the seed and stops near it (each taken with some chance, up to a random count).
    private List<Integer> ruin(WorkingPlan plan) {
        int seed = 1 + random.nextInt(in.n);
        int count = MIN_RUIN + random.nextInt(MAX_RUIN - MIN_RUIN + 1);
        List<Integer> removed = new ArrayList<>();
        if (plan.tourOf(seed) == null) {
            return removed;
        }
        removed.add(seed);
        for (int w : in.wide[seed]) {
            if (removed.size() >= count) {
                break;
            }
            // Stops on no route (left out by the caller) stay out.
            if (plan.tourOf(w) != null && random.nextDouble() < 0.8) {
                removed.add(w);
            }
        }
        List<Tour> touched = new ArrayList<>();
        for (int v : removed) {
            Tour t = plan.tourOf(v);
            if (!touched.contains(t)) {
                touched.add(t);
            }
        }
        for (Tour t : touched) {
            int[] kept = Arrays.stream(t.stops()).filter(v -> !removed.contains(v)).toArray();
            removed.stream().filter(v -> plan.tourOf(v) == t).forEach(plan::unroute);
            plan.change(t, kept);
            // Without the triangle inequality a shorter route may arrive later somewhere.
            if (!t.feasible()) {
                return List.of();
            }
        }
        touched.forEach(plan::dropIfEmpty);
        return removed;
    }

    private void order(List<Integer> stops) {
        int how = random.nextInt(4);
        if (how < 2) {
            Collections.shuffle(stops, random);
        } else if (how == 2) {
            stops.sort(Comparator.comparingDouble(v -> in.due[v]));
        } else {
            stops.sort(Comparator.comparingDouble(v -> -in.dist[0][v]));
        }
    }
}
