package dev.wedge.edge.dispatch.model;

/** A route is planned, on the road (started), or back at the depot (finished). */
public enum RouteStatus {
    PLANNED,
    STARTED,
    FINISHED
}
