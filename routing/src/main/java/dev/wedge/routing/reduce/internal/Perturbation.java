package dev.wedge.routing.reduce.internal;

import java.util.Random;

/**
 * Random feasible moves between routes, to shake the plan up between ejections: move a stop next to a nearby stop
 * of another route, swap two nearby stops of different routes, or exchange the tails of two routes after two
 * nearby stops (2-opt*). Each move is checked in O(1) with the routes' slack and applied only if both routes stay
 * feasible; distance plays no part. A route a move empties is dropped.
 */
final class Perturbation {
    private final FlatInstance in;
    private final Random random;

    Perturbation(FlatInstance in, Random random) {
        this.in = in;
        this.random = random;
    }

    /** Tries {@code attempts} random moves; returns how many were applied. */
    int shake(WorkingPlan plan, int attempts) {
        int applied = 0;
        for (int a = 0; a < attempts; a++) {
            int u = 1 + random.nextInt(in.n);
            if (in.near[u].length == 0) {
                return applied;
            }
            int w = in.near[u][random.nextInt(in.near[u].length)];
            Tour tu = plan.tourOf(u);
            Tour tw = plan.tourOf(w);
            if (tu == null || tw == null || tu == tw) {
                continue;
            }
            int move = random.nextInt(3);
            boolean done = move == 0 ? relocate(plan, u, w) : move == 1 ? swap(plan, u, w) : tails(plan, u, w);
            applied += done ? 1 : 0;
        }
        return applied;
    }

    private boolean relocate(WorkingPlan plan, int u, int w) {
        Tour from = plan.tourOf(u);
        Tour to = plan.tourOf(w);
        int pu = plan.posOf(u);
        // Before or after w, at random.
        int pw = plan.posOf(w) - random.nextInt(2);
        if (!from.canRemove(pu) || !to.canInsert(u, pw)) {
            return false;
        }
        from.removeAt(pu);
        to.insert(u, pw);
        plan.reindex(from);
        plan.reindex(to);
        plan.dropIfEmpty(from);
        return true;
    }

    private boolean swap(WorkingPlan plan, int u, int w) {
        Tour tu = plan.tourOf(u);
        Tour tw = plan.tourOf(w);
        int pu = plan.posOf(u);
        int pw = plan.posOf(w);
        if (!tu.canReplace(pu, w) || !tw.canReplace(pw, u)) {
            return false;
        }
        tu.replace(pu, w);
        tw.replace(pw, u);
        plan.reindex(tu);
        plan.reindex(tw);
        return true;
    }

    private boolean tails(WorkingPlan plan, int u, int w) {
        Tour a = plan.tourOf(u);
        Tour b = plan.tourOf(w);
        int pa = plan.posOf(u);
        int pb = plan.posOf(w);
        if (!joins(a, pa, b, pb) || !joins(b, pb, a, pa)) {
            return false;
        }
        int[] na = join(a, pa, b, pb);
        int[] nb = join(b, pb, a, pa);
        plan.change(a, na);
        plan.change(b, nb);
        return true;
    }

    // Whether positions 1..i of `a` followed by the stops of `b` after position j form a feasible route.
    boolean joins(Tour a, int i, Tour b, int j) {
        for (int d = 0; d < in.capacity.length; d++) {
            if (a.prefix[d][i] + b.loadAfter(d, j) > in.capacity[d]) {
                return false;
            }
        }
        return a.leave(i) + in.time[a.nodes[i]][b.nodes[j + 1]] <= b.latest[j + 1];
    }

    private static int[] join(Tour a, int i, Tour b, int j) {
        int[] out = new int[i + b.size - j];
        System.arraycopy(a.nodes, 1, out, 0, i);
        System.arraycopy(b.nodes, j + 1, out, i, b.size - j);
        return out;
    }
}
