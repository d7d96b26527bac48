package dev.wedge.edge.conveyor;

/**
 * Where a parcel is going, as the shipping plan knows it: the fields {@link LaneRule}s match on. Any field may be
 * empty when the plan does not know it yet.
 */
public record SortDestination(String route, String dockDoor, String carrier, String destination) {

    public SortDestination {
        route = route == null ? "" : route;
        dockDoor = dockDoor == null ? "" : dockDoor;
        carrier = carrier == null ? "" : carrier;
        destination = destination == null ? "" : destination;
    }
}
