package dev.wedge.edge.bench;

/** The nearest-rank percentile the benchmarks report. */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * The index in a sorted sample of {@code size} values (at least 1) that holds its {@code percent}
     * percentile by nearest rank; the epsilon keeps 99.9 % of 1000 at rank 999 despite binary fractions.
     */
    public static int nearestRank(int size, double percent) {
        int i = (int) Math.ceil(percent * size / 100.0 - 1e-9) - 1;
        return Math.max(0, Math.min(size - 1, i));
    }
}
