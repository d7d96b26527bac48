package dev.wedge.routing.reduce.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The routes of the minimiser with an index from stop to route and position, and the ejection pool: the stops
 * currently on no route. Every change goes through this class so the index stays right.
 */
final class WorkingPlan {
    final FlatInstance in;
    final List<Tour> tours = new ArrayList<>();
    final Deque<Integer> pool = new ArrayDeque<>();
    private final Tour[] tourOf;
    private final int[] posOf;
    // The stops each route had before the change in progress, for undoing it (see begin()).
    private final Map<Tour, int[]> journal = new IdentityHashMap<>();
    private boolean journaling;

    WorkingPlan(FlatInstance in, List<int[]> routes) {
        this.in = in;
        tourOf = new Tour[in.n + 1];
        posOf = new int[in.n + 1];
        restore(routes);
    }

    /** The stops of every route, in order, to restore later. */
    List<int[]> snapshot() {
        List<int[]> out = new ArrayList<>();
        tours.forEach(t -> out.add(t.stops()));
        return out;
    }

    void restore(List<int[]> routes) {
        tours.clear();
        pool.clear();
        java.util.Arrays.fill(tourOf, null);
        for (int[] r : routes) {
            Tour t = new Tour(in, r);
            tours.add(t);
            reindex(t);
        }
    }

    /** Starts a change that {@link #rollback()} can undo; routes are saved the first time they change. */
    void begin() {
        journal.clear();
        journaling = true;
    }

    void commit() {
        journaling = false;
    }

    /** Undoes everything since {@link #begin()}, including routes dropped meanwhile. */
    void rollback() {
        journaling = false;
        for (Map.Entry<Tour, int[]> e : journal.entrySet()) {
            Tour t = e.getKey();
            t.set(e.getValue());
            reindex(t);
            if (!tours.contains(t)) {
                tours.add(t);
            }
        }
    }

    private void save(Tour t) {
        if (journaling) {
            journal.putIfAbsent(t, t.stops());
        }
    }

    Tour tourOf(int v) {
        return tourOf[v];
    }

    int posOf(int v) {
        return posOf[v];
    }

    double length() {
        return tours.stream().mapToDouble(t -> t.length).sum();
    }

    /** Takes a route off the plan and puts its stops into the pool. */
    void dissolve(Tour t) {
        tours.remove(t);
        for (int v : t.stops()) {
            tourOf[v] = null;
            pool.push(v);
        }
    }

    /** Inserts {@code v} where it lengthens the plan least, if it fits anywhere; false if it fits nowhere. */
    boolean insertCheapest(int v) {
        return insertCheapest(v, null, 0);
    }

    /** The same, but each place is passed over with probability {@code blink} (for variety). */
    boolean insertCheapest(int v, Random random, double blink) {
        Tour best = null;
        int bestPos = -1;
        double bestDelta = Double.MAX_VALUE;
        for (Tour t : tours) {
            if (!t.loadFits(v, 0)) {
                continue;
            }
            for (int i = 0; i <= t.size; i++) {
                double delta = t.insertDelta(v, i);
                if (delta < bestDelta && (blink == 0 || random.nextDouble() >= blink) && t.canInsert(v, i)) {
                    best = t;
                    bestPos = i;
                    bestDelta = delta;
                }
            }
        }
        if (best == null) {
            return false;
        }
        save(best);
        best.insert(v, bestPos);
        reindex(best);
        return true;
    }

    /** Inserts {@code v} (on no route now) into {@code t} between positions {@code i} and {@code i + 1}. */
    void insertAt(Tour t, int v, int i) {
        save(t);
        t.insert(v, i);
        reindex(t);
    }

    /** Replaces the stops of {@code t}; stops it no longer has must have been re-homed or pooled by the caller. */
    void change(Tour t, int[] stops) {
        save(t);
        t.set(stops);
        reindex(t);
    }

    /** Drops a route that has lost all its stops. */
    void dropIfEmpty(Tour t) {
        if (t.size == 0) {
            tours.remove(t);
        }
    }

    void unroute(int v) {
        tourOf[v] = null;
    }

    void reindex(Tour t) {
        for (int i = 1; i <= t.size; i++) {
            tourOf[t.nodes[i]] = t;
            posOf[t.nodes[i]] = i;
        }
    }
}
