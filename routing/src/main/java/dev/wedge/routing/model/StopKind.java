package dev.wedge.routing.model;

/** Whether goods leave the vehicle at a stop (loaded at the depot) or join it (unloaded at the depot). */
public enum StopKind {
    DELIVERY,
    PICKUP
}
