package dev.wedge.routing.cost;

import dev.wedge.routing.model.Place;

/**
 * Distance and driving time between two places. Implementations are immutable and safe to call from several
 * threads; a missing pair throws {@link dev.wedge.routing.RoutingException} with code MISSING_TRAVEL_COST.
 */
public interface TravelCosts {
    double distance(Place from, Place to);

    double time(Place from, Place to);
}
