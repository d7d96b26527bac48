package dev.wedge.scanner.link;

import java.time.Duration;

/**
 * Capped exponential backoff between reconnect attempts: the first delay, then doubling up to the cap.
 *
 * @param first the delay after the first failure
 * @param cap   the longest delay
 */
public record Backoff(Duration first, Duration cap) {

    public Backoff {
        if (first == null || first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("reconnectDelay " + first + " must be positive");
        }
        if (cap == null || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("maxReconnectDelay " + cap + " must be at least reconnectDelay " + first);
        }
    }

    /** The delay before attempt {@code failures + 1}, after {@code failures} consecutive failures (>= 1). */
    public Duration delayAfter(int failures) {
        Duration d = first;
        for (int i = 1; i < failures && d.compareTo(cap) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(cap) > 0 ? cap : d;
    }
}
