package dev.wedge.edge.conveyor.decision;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parcels recently decided, by tracking id and scan time. A notification repeated after a reconnect (the
 * new subscription's first value is the last scan) is recognised and not diverted again; a tracking id that
 * wrapped around has a new scan time and counts as a new parcel.
 */
public final class TrackingWindow {

    private record Key(long trackingId, long scannedMillis) {
    }

    private final Map<Key, Boolean> seen;

    public TrackingWindow(int capacity) {
        this.seen = new LinkedHashMap<>(capacity * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records the parcel; returns false when it was already there. */
    public synchronized boolean firstTime(long trackingId, Instant scannedAt) {
        return seen.put(new Key(trackingId, scannedAt.toEpochMilli()), Boolean.TRUE) == null;
    }
}
