package dev.wedge.routing.reduce.internal;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The recreate of a string-removal search: removed stops go back one by one, each where it lengthens the plan
 * least among the places that keep every rule (O(1) checks of {@link Tour}), except that each place is passed over
 * ("blinked") with a small chance, so that recreating the same ruin does not always give the same plan. The order
 * of the stops is drawn each time: random, largest demand first, farthest from the depot first, or closest first.
 *
 * <p>Routes the ruin emptied are used only when a stop fits on no other route, and dropped afterwards if they stay
 * empty, so the plan never gains a route. A stop that fits nowhere ends the recreate with {@code false}.
 */
final class BlinkInsertion {
    static final double BLINK = 0.01;
    // The orders random, demand, far and close in the proportions 4 : 4 : 2 : 1, as cumulative bounds.
    private static final int[] ORDER_WEIGHTS = {4, 8, 10, 11};

    private final FlatInstance in;
    private final Random random;

    BlinkInsertion(FlatInstance in, Random random) {
        this.in = in;
        this.random = random;
    }

    /** Inserts every stop of {@code removed} (which it reorders); false as soon as one fits nowhere. */
    boolean recreate(WorkingPlan plan, List<Integer> removed) {
        order(removed);
        for (int v : removed) {
            if (!insert(plan, v, false) && !insert(plan, v, true)) {
                return false;
            }
        }
        for (int i = plan.tours.size() - 1; i >= 0; i--) {
            plan.dropIfEmpty(plan.tours.get(i));
        }
        return true;
    }

    // Cheapest place over the routes that have stops (or, with `empty`, over the empty ones), blinking.
    private boolean insert(WorkingPlan plan, int v, boolean empty) {
        Tour best = null;
        int bestPos = -1;
        double bestDelta = Double.MAX_VALUE;
        for (Tour t : plan.tours) {
            if ((t.size == 0) != empty || !t.loadFits(v, 0)) {
                continue;
            }
            for (int i = 0; i <= t.size; i++) {
                double delta = t.insertDelta(v, i);
                if (delta < bestDelta && random.nextDouble() >= BLINK && t.canInsert(v, i)) {
                    best = t;
                    bestPos = i;
                    bestDelta = delta;
                }
            }
        }
        if (best == null) {
            return false;
        }
        plan.insertAt(best, v, bestPos);
        return true;
    }

    private void order(List<Integer> stops) {
        int draw = random.nextInt(ORDER_WEIGHTS[3]);
        if (draw < ORDER_WEIGHTS[0]) {
            Collections.shuffle(stops, random);
        } else if (draw < ORDER_WEIGHTS[1]) {
            stops.sort(Comparator.comparingInt(v -> -totalDemand(v)));
        } else if (draw < ORDER_WEIGHTS[2]) {
            stops.sort(Comparator.comparingDouble(v -> -in.dist[0][v]));
        } else {
            stops.sort(Comparator.comparingDouble(v -> in.dist[0][v]));
        }
    }

    private int totalDemand(int v) {
        int sum = 0;
        for (int[] d : in.demand) {
            sum += d[v];
        }
        return sum;
    }
}
