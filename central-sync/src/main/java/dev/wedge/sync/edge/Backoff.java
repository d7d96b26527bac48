package dev.wedge.sync.edge;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with jitter: waits grow min, 2min, 4min, ... up to max; each wait keeps
 * {@code 1 - jitter} of its length and randomises the rest. Not thread-safe (the forwarder thread owns it).
 */
final class Backoff {
    private final Duration min;
    private final Duration max;
    private final double jitter;
    private final RandomGenerator random;
    private Duration current;

    Backoff(Duration min, Duration max, double jitter, RandomGenerator random) {
        this.min = min;
        this.max = max;
        this.jitter = jitter;
        this.random = random;
        this.current = min;
    }

    /** The wait before the next attempt; the one after it will be twice as long, up to the cap. */
    Duration nextWait() {
        long nanos = current.toNanos();
        long random = (long) (nanos * jitter);
        long wait = nanos - random + (random > 0 ? this.random.nextLong(random + 1) : 0);
        Duration doubled = current.multipliedBy(2);
        current = doubled.compareTo(max) > 0 ? max : doubled;
        return Duration.ofNanos(wait);
    }

    /** Back to the minimum after a success. */
    void reset() {
        current = min;
    }
}
