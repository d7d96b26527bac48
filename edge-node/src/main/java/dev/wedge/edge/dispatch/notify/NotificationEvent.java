package dev.wedge.edge.dispatch.notify;

/** The moments a customer is told about: the truck left, it is close, the goods were delivered or not. */
public enum NotificationEvent {
    ROUTE_STARTED,
    ETA_SOON,
    DELIVERED,
    FAILED
}
