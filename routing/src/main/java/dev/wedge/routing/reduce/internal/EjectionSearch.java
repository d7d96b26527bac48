package dev.wedge.routing.reduce.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Insertion with ejection: finds a route, a place for stop {@code v} and up to {@code maxEjected} stops of that
 * route to take out so that the route becomes feasible with {@code v}, minimising the sum of the failure counters
 * of the stops taken out. The search walks each route in order deciding for every stop to keep it or eject it,
 * and for the new stop where it goes; it cuts a branch as soon as a kept stop misses its window or the counter
 * sum reaches the best found, and ends a branch early once the rest of the route is known to fit (by the latest
 * start times). A bound on the branches visited per route keeps one call short on long routes.
 */
final class EjectionSearch {
    /** Which route, where {@code v} goes (before original position {@code insertAt}) and which stops leave. */
    record Ejection(Tour tour, int insertAt, int[] ejected, int penalty) {
    }

    private final FlatInstance in;
    private final int maxEjected;
    private final long maxBranches;
    // State of the walk in progress.
    private Tour tour;
    private int v;
    private int[] penalty;
    private final int[] chosen;
    private int count;
    private int insertAt;
    private long branches;
    private int bestPenalty;
    private Ejection best;

    EjectionSearch(FlatInstance in, int maxEjected, long maxBranches) {
        this.in = in;
        this.maxEjected = maxEjected;
        this.maxBranches = maxBranches;
        this.chosen = new int[maxEjected];
    }

    /** The best ejection over {@code tours} (visited in the given order, the first of equals wins), if any. */
    Optional<Ejection> best(List<Tour> tours, int stop, int[] counters) {
        v = stop;
        penalty = counters;
        best = null;
        bestPenalty = Integer.MAX_VALUE;
        for (Tour t : tours) {
            tour = t;
            branches = 0;
            count = 0;
            insertAt = -1;
            walk(1, 0, t.leave(0), false);
        }
        return Optional.ofNullable(best);
    }

    // At original position j, coming from node `prev` which the vehicle leaves at `leave`.
    private void walk(int j, int prev, double leave, boolean inserted) {
        if (++branches > maxBranches) {
            return;
        }
        if (!inserted) {
            double arrival = leave + in.time[prev][v];
            if (arrival <= in.due[v]) {
                insertAt = j;
                walk(j, v, Math.max(arrival, in.ready[v]) + in.service[v], true);
            }
        }
        int c = tour.nodes[j];
        double arrival = leave + in.time[prev][c];
        if (j == tour.size + 1) {
            if (inserted && arrival <= tour.latest[j] && loadFits()) {
                record();
            }
            return;
        }
        if (arrival <= in.due[c]) {
            if (inserted && arrival <= tour.latest[j] && loadFits()) {
                // The rest of the route is unchanged and fits; ejecting more could only cost more.
                record();
            } else {
                walk(j + 1, c, Math.max(arrival, in.ready[c]) + in.service[c], inserted);
            }
        }
        if (count < maxEjected && sumSoFar() + penalty[c] < bestPenalty) {
            chosen[count++] = c;
            walk(j + 1, prev, leave, inserted);
            count--;
        }
    }

    private int sumSoFar() {
        int s = 0;
        for (int i = 0; i < count; i++) {
            s += penalty[chosen[i]];
        }
        return s;
    }

    private boolean loadFits() {
        for (int d = 0; d < in.capacity.length; d++) {
            int load = tour.prefix[d][tour.size + 1] + in.demand[d][v];
            for (int i = 0; i < count; i++) {
                load -= in.demand[d][chosen[i]];
            }
            if (load > in.capacity[d]) {
                return false;
            }
        }
        return true;
    }

    private void record() {
        int sum = sumSoFar();
        if (sum < bestPenalty) {
            bestPenalty = sum;
            best = new Ejection(tour, insertAt, Arrays.copyOf(chosen, count), sum);
        }
    }

    /** The stops of the route after applying {@code e}: ejected stops left out, {@code v} in its place. */
    static int[] apply(Ejection e, int v) {
        Tour t = e.tour();
        int[] out = new int[t.size + 1 - e.ejected().length];
        int k = 0;
        for (int j = 1; j <= t.size + 1; j++) {
            if (j == e.insertAt()) {
                out[k++] = v;
            }
            if (j <= t.size && !contains(e.ejected(), t.nodes[j])) {
                out[k++] = t.nodes[j];
            }
        }
        return out;
    }

    private static boolean contains(int[] a, int x) {
        for (int y : a) {
            if (y == x) {
                return true;
            }
        }
        return false;
    }
}
