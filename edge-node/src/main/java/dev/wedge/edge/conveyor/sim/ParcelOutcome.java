package dev.wedge.edge.conveyor.sim;

import java.time.Instant;

/**
 * Where a simulated parcel ended up, and why, as the PLC would log it.
 *
 * @param trackingId    the PLC's tracking id
 * @param barcode       the label the scanner read; empty for a no-read
 * @param inductedAt    wall-clock time of the scan
 * @param requestedLane the lane of the first divert request for it, 0 when none came
 * @param requestMicros microseconds from scan to the first divert request, -1 when none came
 * @param reachedLane   the lane the parcel actually left at
 * @param reachedMicros microseconds from scan to leaving the sorter
 * @param late          a request came, but after the decision window: the parcel went to the reject lane
 */
public record ParcelOutcome(long trackingId, String barcode, Instant inductedAt, int requestedLane,
                            long requestMicros, int reachedLane, long reachedMicros, boolean late) {

    /** A request came in time and the parcel left where it was asked to. */
    public boolean divertedAsRequested() {
        return requestedLane != 0 && !late && reachedLane == requestedLane;
    }

    /** Scan-to-divert-request latency in milliseconds; NaN when no request came. */
    public double requestMillis() {
        return requestMicros < 0 ? Double.NaN : requestMicros / 1000.0;
    }
}
