package dev.wedge.routing.reduce.internal;

import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shortens a plan at its fleet size by string removals and blink insertion ({@link StringRuin},
 * {@link BlinkInsertion}), accepting by simulated annealing on distance. The temperature falls geometrically from
 * {@link Cooling#hotEdges()} to {@link Cooling#coldEdges()} times the plan's average edge length, over whichever
 * of the wall time and the iteration bound runs out first, so a time-bounded run cools to descent by its deadline.
 *
 * <p>A candidate in which a removed stop fits nowhere is rejected, so every plan visited serves the same stops and
 * the fleet never grows; a candidate with fewer routes is always taken. The result is the shortest plan seen with
 * the fewest routes. Single-threaded; the same seed and iteration bound (with a deadline not reached) give the same
 * result.
 */
public final class StringRemovalSearch {
    private static final Logger LOG = LoggerFactory.getLogger(StringRemovalSearch.class);

    /**
     * Start and end temperature of the annealing, in average edge lengths of the start plan. The standard 3 → 0.03
     * is near the published setting (100 → 1 on Solomon's distances, about 10 → 0.1 edges) and beat 1 → 0.01 in
     * interleaved A/B runs of the full solver (docs/benchmarks/README.md).
     */
    public record Cooling(double hotEdges, double coldEdges) {
        public static final Cooling STANDARD = new Cooling(3.0, 0.03);

        public Cooling {
            if (!(hotEdges > 0) || !(coldEdges > 0) || coldEdges > hotEdges) {
                throw new IllegalArgumentException("Cooling needs 0 < cold <= hot, got hot " + hotEdges
                        + ", cold " + coldEdges);
            }
        }
    }

    /** Stops a ruin takes out on average unless told otherwise (the published setting of the method). */
    public static final int MEAN_REMOVED = StringRuin.MEAN_REMOVED;

    private final FlatInstance in;
    private final Random random;
    private final StringRuin ruin;
    private final BlinkInsertion insertion;
    private final long deadlineNanos;
    private final long maxIterations;
    private final Cooling cooling;
    // State of the run in progress.
    private double current;
    private List<int[]> best;
    private double bestLength;
    private long accepted;
    private long unplaceable;

    public StringRemovalSearch(FlatInstance in, long seed, long deadlineNanos, long maxIterations, Cooling cooling) {
        this(in, seed, deadlineNanos, maxIterations, cooling, MEAN_REMOVED);
    }

    /** The same with about {@code meanRemoved} stops taken out per ruin on average (for tuning). */
    public StringRemovalSearch(FlatInstance in, long seed, long deadlineNanos, long maxIterations, Cooling cooling,
                               int meanRemoved) {
        this.in = in;
        this.random = new Random(seed);
        this.ruin = new StringRuin(in, random, meanRemoved);
        this.insertion = new BlinkInsertion(in, random);
        this.deadlineNanos = deadlineNanos;
        this.maxIterations = maxIterations;
        this.cooling = cooling;
    }

    /** The shortest plan found with the fewest routes (never more than {@code start}), as the stops of each route. */
    public List<int[]> improve(List<int[]> start) {
        WorkingPlan plan = new WorkingPlan(in, start);
        if (plan.tours.isEmpty()) {
            return start;
        }
        long begin = System.nanoTime();
        current = plan.length();
        double startLength = current;
        double edge = current / Math.max(1, in.n + plan.tours.size());
        double hot = cooling.hotEdges() * edge;
        double cold = cooling.coldEdges() * edge;
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
            step(plan, hot * Math.pow(cold / hot, Math.min(1, progress)));
        }
        LOG.debug("string removals: {} iterations, {} accepted, {} with a stop that fit nowhere, length {} -> {}",
                it, accepted, unplaceable, startLength, bestLength);
        return best;
    }

    // One iteration: ruin, recreate, then keep (shorter, fewer routes, or by chance) or undo.
    private void step(WorkingPlan plan, double temperature) {
        int routesBefore = plan.tours.size();
        plan.begin();
        List<Integer> removed = ruin.ruin(plan);
        if (removed.isEmpty()) {
            plan.rollback();
            return;
        }
        if (!insertion.recreate(plan, removed)) {
            unplaceable++;
            plan.rollback();
            return;
        }
        double length = plan.length();
        boolean fewer = plan.tours.size() < routesBefore;
        // Annealing: a longer plan is taken if it is longer by less than -T ln U.
        if (!fewer && length >= current && length - current >= -temperature * Math.log(1 - random.nextDouble())) {
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
}
