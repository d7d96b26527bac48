package dev.wedge.routing.jsprit;

/**
 * A search budget of wall time and iterations, handed out in slices. A slice takes a share of the whole budget,
 * capped by what is left; {@link #rest()} takes everything left.
 */
final class Budget {
    private final long deadlineNanos;
    private final long totalNanos;
    private final int totalIterations;
    private int iterationsLeft;

    /** A part of the budget for one phase. */
    record Slice(long nanos, int iterations) {
    }

    Budget(long totalNanos, int totalIterations) {
        this.totalNanos = totalNanos;
        this.deadlineNanos = System.nanoTime() + totalNanos;
        this.totalIterations = totalIterations;
        this.iterationsLeft = totalIterations;
    }

    Slice slice(double share) {
        long nanos = Math.min(remainingNanos(), (long) (totalNanos * share));
        int iterations = (int) Math.min(iterationsLeft, Math.max(1, Math.round((double) totalIterations * share)));
        iterationsLeft = Math.max(1, iterationsLeft - iterations);
        return new Slice(Math.max(1_000_000, nanos), iterations);
    }

    Slice rest() {
        int iterations = iterationsLeft;
        iterationsLeft = 1;
        return new Slice(Math.max(1_000_000, remainingNanos()), iterations);
    }

    /** The larger used share of time and iterations, as a share left. */
    double remainingShare() {
        double time = remainingNanos() / (double) totalNanos;
        double iterations = iterationsLeft / (double) totalIterations;
        return Math.min(time, iterations);
    }

    long remainingNanos() {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }
}
