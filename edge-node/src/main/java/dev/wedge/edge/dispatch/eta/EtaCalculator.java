package dev.wedge.edge.dispatch.eta;

import dev.wedge.edge.dispatch.model.GeoPoint;
import dev.wedge.routing.cost.TravelCosts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Expected arrival times for the rest of a route: from the truck's last position, in plan order, driving times
 * from the routing module's travel-cost model (seconds), waiting for a window to open and the service time at
 * each stop. Pure and thread-safe.
 */
public final class EtaCalculator {
    private final TravelCosts costs;

    /** @param costs a travel-cost model whose time unit is seconds (e.g. haversine at an average speed) */
    public EtaCalculator(TravelCosts costs) {
        this.costs = costs;
    }

    /**
     * ETAs for {@code remaining} (in plan order) for a truck at {@code position} at time {@code now}, returned in
     * the same order. A stop the driver is at now is served first, even when the driver reached it out of order,
     * and is left when its service time is over, but not before {@code now}; the others follow in plan order.
     */
    public List<StopEta> etas(GeoPoint position, Instant now, List<RemainingStop> remaining) {
        List<RemainingStop> served = new ArrayList<>(remaining.size());
        remaining.stream().filter(s -> s.arrivedAt().isPresent()).forEach(served::add);
        remaining.stream().filter(s -> s.arrivedAt().isEmpty()).forEach(served::add);
        Map<String, StopEta> byStop = new HashMap<>();
        GeoPoint here = position;
        Instant clock = now;
        for (RemainingStop stop : served) {
            StopEta eta;
            if (stop.arrivedAt().isPresent()) {
                Instant arrival = stop.arrivedAt().get();
                Instant start = later(arrival, stop.windowStart());
                Instant departure = later(start.plusSeconds(stop.serviceSeconds()), clock);
                eta = new StopEta(stop.stopId(), arrival, start, departure, start.isAfter(stop.windowEnd()));
            } else {
                Instant arrival = clock.plus(driving(here, stop.point()));
                Instant start = later(arrival, stop.windowStart());
                eta = new StopEta(stop.stopId(), arrival, start, start.plusSeconds(stop.serviceSeconds()),
                        start.isAfter(stop.windowEnd()));
            }
            byStop.put(stop.stopId(), eta);
            here = stop.point();
            clock = eta.departure();
        }
        return remaining.stream().map(s -> byStop.get(s.stopId())).toList();
    }

    /** Driving time between two points. */
    public Duration driving(GeoPoint from, GeoPoint to) {
        double seconds = costs.time(from.toPlace("from"), to.toPlace("to"));
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** Driving distance in metres between two points. */
    public double metres(GeoPoint from, GeoPoint to) {
        return costs.distance(from.toPlace("from"), to.toPlace("to"));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
