package dev.wedge.routing.check;

import dev.wedge.routing.model.PickupDelivery;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Looks up stops of a problem by stop id, and the pair a stop belongs to. */
final class StopIndex {
    private final Map<String, Stop> stops = new HashMap<>();
    private final Map<String, PickupDelivery> pairOfStop = new HashMap<>();

    StopIndex(Problem problem) {
        problem.stops().forEach(s -> stops.put(s.id(), s));
        for (PickupDelivery p : problem.pairs()) {
            stops.put(p.pickup().id(), p.pickup());
            stops.put(p.delivery().id(), p.delivery());
            pairOfStop.put(p.pickup().id(), p);
            pairOfStop.put(p.delivery().id(), p);
        }
    }

    Optional<Stop> stop(String id) {
        return Optional.ofNullable(stops.get(id));
    }

    Optional<PickupDelivery> pairOf(String stopId) {
        return Optional.ofNullable(pairOfStop.get(stopId));
    }
}
