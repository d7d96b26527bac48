package dev.wedge.edge.dispatch.store;

import dev.wedge.edge.dispatch.model.GeoPoint;
import dev.wedge.edge.dispatch.model.RouteStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One route as stored: the plan's figures and what happened on the road. */
public record RouteRow(String routeId, String vehicleId, Optional<String> driverId, GeoPoint depot, RouteStatus status,
                       Instant plannedStart, Instant plannedEnd, double plannedDistanceM, Optional<Instant> startedAt,
                       Optional<Instant> finishedAt, double actualDistanceM, Optional<GeoPoint> lastPosition) {

    /** Where the truck is believed to be: the last reported position, else the depot. */
    public GeoPoint position() {
        return lastPosition.orElse(depot);
    }

    public Duration plannedDuration() {
        return Duration.between(plannedStart, plannedEnd);
    }
}
