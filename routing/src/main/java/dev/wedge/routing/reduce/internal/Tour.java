package dev.wedge.routing.reduce.internal;

import java.util.Arrays;

/**
 * One route under construction: the depot at position 0 and {@code size + 1}, stops in between. After every change
 * {@link #update()} recomputes, per position, the earliest service start (forward), the latest service start that
 * still lets the rest of the route keep its windows and return in time (backward), and the load so far per
 * dimension, so that inserting, removing or replacing one stop and joining two route parts are checked in O(1).
 */
final class Tour {
    private static final int SPARE = 8;
    private final FlatInstance in;
    int[] nodes;
    int size;
    double[] start;
    double[] latest;
    /** Load of positions 1..i, per dimension. */
    int[][] prefix;
    double length;

    Tour(FlatInstance in, int[] stops) {
        this.in = in;
        set(stops);
    }

    /** Replaces the stops of this route (in order) and recomputes everything. */
    void set(int[] stops) {
        room(stops.length, false);
        size = stops.length;
        System.arraycopy(stops, 0, nodes, 1, size);
        nodes[0] = 0;
        nodes[size + 1] = 0;
        update();
    }

    // Arrays for at least `stops` stops; they grow with some spare so that insertions rarely reallocate.
    private void room(int stops, boolean keep) {
        if (nodes != null && nodes.length >= stops + 2) {
            return;
        }
        int length = stops + 2 + SPARE;
        int[] grown = new int[length];
        if (keep) {
            System.arraycopy(nodes, 0, grown, 0, size + 2);
        }
        nodes = grown;
        start = new double[length];
        latest = new double[length];
        prefix = new int[in.capacity.length][length];
    }

    int[] stops() {
        return Arrays.copyOfRange(nodes, 1, size + 1);
    }

    private void update() {
        start[0] = in.ready[0];
        length = 0;
        for (int i = 1; i <= size + 1; i++) {
            int a = nodes[i - 1];
            int b = nodes[i];
            start[i] = Math.max(in.ready[b], start[i - 1] + in.service[a] + in.time[a][b]);
            length += in.dist[a][b];
            for (int d = 0; d < prefix.length; d++) {
                prefix[d][i] = prefix[d][i - 1] + in.demand[d][b];
            }
        }
        latest[size + 1] = in.due[0];
        for (int i = size; i >= 0; i--) {
            int a = nodes[i];
            latest[i] = Math.min(in.due[a], latest[i + 1] - in.time[a][nodes[i + 1]] - in.service[a]);
        }
    }

    /** Time the vehicle leaves position {@code i}. */
    double leave(int i) {
        return start[i] + in.service[nodes[i]];
    }

    /** Whether the route keeps every window, returns in time and carries no more than the capacity. */
    boolean feasible() {
        for (int d = 0; d < prefix.length; d++) {
            if (prefix[d][size + 1] > in.capacity[d]) {
                return false;
            }
        }
        double t = in.ready[0];
        for (int i = 1; i <= size + 1; i++) {
            double arrival = t + in.time[nodes[i - 1]][nodes[i]];
            if (arrival > in.due[nodes[i]]) {
                return false;
            }
            t = Math.max(arrival, in.ready[nodes[i]]) + in.service[nodes[i]];
        }
        return true;
    }

    /** Whether the load changed by {@code add} less {@code remove} (nodes, 0 for none) fits the capacity. */
    boolean loadFits(int add, int remove) {
        for (int d = 0; d < prefix.length; d++) {
            if (prefix[d][size + 1] + in.demand[d][add] - in.demand[d][remove] > in.capacity[d]) {
                return false;
            }
        }
        return true;
    }

    /** Whether stop {@code v} fits between positions {@code i} and {@code i + 1}. */
    boolean canInsert(int v, int i) {
        return loadFits(v, 0) && reaches(leave(i), nodes[i], v, i + 1);
    }

    /** Whether stop {@code v} can take the place of the stop at position {@code i} (1..size). */
    boolean canReplace(int i, int v) {
        return loadFits(v, nodes[i]) && reaches(leave(i - 1), nodes[i - 1], v, i + 1);
    }

    /** Whether the stop at position {@code i} can be left out. */
    boolean canRemove(int i) {
        return leave(i - 1) + in.time[nodes[i - 1]][nodes[i + 1]] <= latest[i + 1];
    }

    // Leaving node `from` at `leave`, serving `v` and going on to position `next` of this route keeps everything.
    private boolean reaches(double leave, int from, int v, int next) {
        double arrival = leave + in.time[from][v];
        if (arrival > in.due[v]) {
            return false;
        }
        double done = Math.max(arrival, in.ready[v]) + in.service[v];
        return done + in.time[v][nodes[next]] <= latest[next];
    }

    /** Extra distance of inserting {@code v} between positions {@code i} and {@code i + 1}. */
    double insertDelta(int v, int i) {
        int a = nodes[i];
        int b = nodes[i + 1];
        return in.dist[a][v] + in.dist[v][b] - in.dist[a][b];
    }

    void insert(int v, int i) {
        room(size + 1, true);
        System.arraycopy(nodes, i + 1, nodes, i + 2, size + 1 - i);
        nodes[i + 1] = v;
        size++;
        update();
    }

    void removeAt(int i) {
        System.arraycopy(nodes, i + 1, nodes, i, size + 1 - i);
        size--;
        update();
    }

    void replace(int i, int v) {
        nodes[i] = v;
        update();
    }

    /** Load of this route's stops after position {@code i}, in dimension {@code d}. */
    int loadAfter(int d, int i) {
        return prefix[d][size + 1] - prefix[d][i];
    }
}
