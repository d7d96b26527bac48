package dev.wedge.edge.dispatch.eta;

import dev.wedge.edge.dispatch.model.GeoPoint;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stop still to be served, in route order, as the ETA calculation sees it.
 *
 * @param arrivedAt when the driver arrived, if the driver is there now (the stop is being served)
 */
public record RemainingStop(String stopId, GeoPoint point, Instant windowStart, Instant windowEnd, int serviceSeconds,
                            Optional<Instant> arrivedAt) {
    public RemainingStop {
        Objects.requireNonNull(stopId, "stopId");
        Objects.requireNonNull(point, "point of " + stopId);
        Objects.requireNonNull(windowStart, "windowStart of " + stopId);
        Objects.requireNonNull(windowEnd, "windowEnd of " + stopId);
        Objects.requireNonNull(arrivedAt, "arrivedAt of " + stopId);
    }
}
