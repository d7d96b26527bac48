package dev.wedge.routing.model;

/**
 * An interval of time in the problem's time unit (the unit of the travel times: seconds for real roads, plain
 * units for benchmarks). For a stop, service must start inside it; arriving early means waiting.
 */
public record TimeWindow(double start, double end) {
    public TimeWindow {
        if (!Double.isFinite(start) || Double.isNaN(end) || start < 0 || end < start) {
            throw new IllegalArgumentException("A time window needs 0 <= start <= end, got [" + start + ", " + end + "]");
        }
    }

    /** A window that is always open. */
    public static TimeWindow always() {
        return new TimeWindow(0, Double.MAX_VALUE);
    }

    public boolean contains(double time) {
        return time >= start && time <= end;
    }
}
