package dev.wedge.edge.conveyor;

import java.util.Optional;

/**
 * One sortation rule: parcels whose destination matches every given criterion leave at {@code lane}. An empty
 * criterion matches anything; a rule with no criteria matches every known parcel. Rules are tried in order and
 * the first match wins.
 */
public record LaneRule(int lane, Optional<String> route, Optional<String> dockDoor, Optional<String> carrier,
                       Optional<String> destination) {

    public LaneRule {
        if (lane < 1) {
            throw new IllegalArgumentException("a rule's lane must be 1 or more, not " + lane);
        }
        route = route.filter(s -> !s.isBlank());
        dockDoor = dockDoor.filter(s -> !s.isBlank());
        carrier = carrier.filter(s -> !s.isBlank());
        destination = destination.filter(s -> !s.isBlank());
    }

    public boolean matches(SortDestination d) {
        return same(route, d.route()) && same(dockDoor, d.dockDoor()) && same(carrier, d.carrier())
                && same(destination, d.destination());
    }

    private static boolean same(Optional<String> wanted, String actual) {
        return wanted.isEmpty() || wanted.get().equalsIgnoreCase(actual == null ? "" : actual.trim());
    }
}
