package dev.wedge.scanner;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recognises the same scan read twice by one device within a window: triggers bounce and fixed scanners read a
 * label twice as it passes. Keeps only the last scan per device. Thread-safe.
 */
public final class DuplicateFilter {

    private final Duration window;
    private final Map<String, Last> lastByDevice = new ConcurrentHashMap<>();

    private record Last(String key, Instant at) {
    }

    /** @param window zero turns the filter off */
    public DuplicateFilter(Duration window) {
        if (window == null || window.isNegative()) {
            throw new IllegalArgumentException("duplicate window " + window + " must be zero or positive");
        }
        this.window = window;
    }

    /**
     * Records the scan and says whether it repeats the device's previous scan within the window. A repeat does
     * not extend the window: a label held under a scanner is reported again once per window.
     */
    public boolean isRepeat(ScanEvent event) {
        Objects.requireNonNull(event, "event");
        if (window.isZero()) {
            return false;
        }
        String key = event.symbology() + "\u0000" + event.data();
        Instant at = event.receivedAt();
        boolean[] repeat = new boolean[1];
        lastByDevice.compute(event.scannerId(), (id, last) -> {
            repeat[0] = last != null && last.key().equals(key) && !at.isBefore(last.at())
                    && Duration.between(last.at(), at).compareTo(window) <= 0;
            return repeat[0] ? last : new Last(key, at);
        });
        return repeat[0];
    }
}
