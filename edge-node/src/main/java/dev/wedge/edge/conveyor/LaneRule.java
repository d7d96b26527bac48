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
        route = route.map(String::trim).filter(s -> !s.isEmpty());
        dockDoor = dockDoor.map(String::trim).filter(s -> !s.isEmpty());
        carrier = carrier.map(String::trim).filter(s -> !s.isEmpty());
        destination = destination.map(String::trim).filter(s -> !s.isEmpty());
    }

    /**
     * Whether this rule, tried first, matches every parcel {@code later} would: each of its criteria is also one of
     * {@code later}'s. A rule so shadowed can never match.
     */
    public boolean takesEveryParcelOf(LaneRule later) {
        return covers(route, later.route) && covers(dockDoor, later.dockDoor) && covers(carrier, later.carrier)
                && covers(destination, later.destination);
    }

    private static boolean covers(Optional<String> mine, Optional<String> theirs) {
        return mine.isEmpty() || theirs.isPresent() && mine.get().equalsIgnoreCase(theirs.get());
    }

    public boolean matches(SortDestination d) {
        return same(route, d.route()) && same(dockDoor, d.dockDoor()) && same(carrier, d.carrier())
                && same(destination, d.destination());
    }

    private static boolean same(Optional<String> wanted, String actual) {
        return wanted.isEmpty() || wanted.get().equalsIgnoreCase(actual == null ? "" : actual.trim());
    }
}
