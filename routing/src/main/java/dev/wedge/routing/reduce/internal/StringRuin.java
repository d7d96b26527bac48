package dev.wedge.routing.reduce.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The ruin of a string-removal search, after the idea of Christiaens and Vanden Berghe ("slack induction by string
 * removals"): from a random seed stop outwards, take a string of consecutive stops out of each route met, until
 * a random number of routes has lost one. Removing neighbouring strings from several routes at once leaves room
 * in each of them that the insertions can use for the others' stops, which single-stop removals rarely do when
 * the fleet is tight.
 *
 * <p>Sizes follow the plan: strings are at most {@link #MAX_STRING} stops and at most the average route size, and
 * the number of routes touched is chosen so that about {@link #MEAN_REMOVED} stops (or the number given) leave on
 * average. Half of the
 * strings are split: a longer string is cut out but a run of its stops in the middle stays.
 */
final class StringRuin {
    static final int MAX_STRING = 10;
    static final int MEAN_REMOVED = 10;
    private static final double SPLIT_RATE = 0.5;
    // After each kept stop of a split string, one more is kept with this chance.
    private static final double KEEP_ANOTHER = 0.5;

    private final FlatInstance in;
    private final Random random;
    private final int meanRemoved;

    StringRuin(FlatInstance in, Random random) {
        this(in, random, MEAN_REMOVED);
    }

    StringRuin(FlatInstance in, Random random, int meanRemoved) {
        if (meanRemoved < 1) {
            throw new IllegalArgumentException("The mean number of removed stops must be at least 1, got " + meanRemoved);
        }
        this.in = in;
        this.random = random;
        this.meanRemoved = meanRemoved;
    }

    /**
     * Takes strings out of the plan (inside the change the caller began) and returns the removed stops; empty if
     * there was nothing to remove or a shortened route broke a window (possible without the triangle inequality),
     * in which case the caller rolls back. Emptied routes stay on the plan for the insertion to drop or reuse.
     */
    List<Integer> ruin(WorkingPlan plan) {
        List<Integer> removed = new ArrayList<>();
        int routed = 0;
        for (Tour t : plan.tours) {
            routed += t.size;
        }
        if (routed == 0) {
            return removed;
        }
        int seed = routedStop(plan);
        double meanSize = routed / (double) plan.tours.size();
        int maxLength = (int) Math.max(1, Math.min(MAX_STRING, meanSize));
        double maxStrings = 4.0 * meanRemoved / (1 + maxLength) - 1;
        int strings = 1 + (int) (random.nextDouble() * maxStrings);
        List<Tour> ruined = new ArrayList<>();
        for (int k = -1; k < in.adjacent[seed].length && ruined.size() < strings; k++) {
            int c = k < 0 ? seed : in.adjacent[seed][k];
            Tour t = plan.tourOf(c);
            if (t == null || ruined.contains(t)) {
                continue;
            }
            ruined.add(t);
            int length = 1 + random.nextInt(Math.min(t.size, maxLength));
            if (!cut(plan, t, plan.posOf(c), length, removed)) {
                return List.of();
            }
        }
        return removed;
    }

    private int routedStop(WorkingPlan plan) {
        while (true) {
            int v = 1 + random.nextInt(in.n);
            if (plan.tourOf(v) != null) {
                return v;
            }
        }
    }

    // Removes `length` stops of `t` around position `p` (as one string or a split one); false if `t` breaks a rule.
    private boolean cut(WorkingPlan plan, Tour t, int p, int length, List<Integer> removed) {
        int kept = 0;
        if (length >= 2 && length < t.size && random.nextDouble() < SPLIT_RATE) {
            kept = 1;
            while (length + kept < t.size && random.nextDouble() < KEEP_ANOTHER) {
                kept++;
            }
        }
        int span = length + kept;
        // A window of `span` positions that contains p, placed at random.
        int lo = Math.max(1, p - span + 1);
        int hi = Math.min(p, t.size - span + 1);
        int from = lo + random.nextInt(hi - lo + 1);
        // The kept run sits strictly inside the window, so stops leave on both sides of it.
        int keepFrom = kept == 0 ? -1 : from + 1 + random.nextInt(length - 1);
        int[] rest = new int[t.size - length];
        int r = 0;
        for (int i = 1; i <= t.size; i++) {
            boolean inWindow = i >= from && i < from + span;
            boolean inKeptRun = kept > 0 && i >= keepFrom && i < keepFrom + kept;
            if (inWindow && !inKeptRun) {
                removed.add(t.nodes[i]);
                plan.unroute(t.nodes[i]);
            } else {
                rest[r++] = t.nodes[i];
            }
        }
        plan.change(t, rest);
        return t.feasible();
    }
}
