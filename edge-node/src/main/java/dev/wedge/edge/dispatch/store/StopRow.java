package dev.wedge.edge.dispatch.store;

import dev.wedge.edge.dispatch.eta.RemainingStop;
import dev.wedge.edge.dispatch.model.GeoPoint;
import dev.wedge.edge.dispatch.model.StopStatus;
import java.time.Instant;
import java.util.Optional;

/** One stop as stored, with its plan, its latest ETA, what the driver recorded and its tracking token. */
public record StopRow(String stopId, String routeId, int seq, String customerId, String address, String notes,
                      GeoPoint point, Instant windowStart, Instant windowEnd, int serviceSeconds,
                      Instant plannedArrival, Optional<Instant> eta, Optional<String> pinnedDriver, StopStatus status,
                      Optional<Instant> arrivedAt, Optional<Instant> completedAt, Optional<String> failReason,
                      Optional<String> failNote, Optional<String> proofWarnings, boolean lateAlerted,
                      boolean etaNotified, String trackingToken, Instant tokenExpires) {

    /** This stop as the ETA calculation needs it. */
    public RemainingStop remaining() {
        return new RemainingStop(stopId, point, windowStart, windowEnd, serviceSeconds,
                status == StopStatus.ARRIVED ? arrivedAt : Optional.empty());
    }
}
