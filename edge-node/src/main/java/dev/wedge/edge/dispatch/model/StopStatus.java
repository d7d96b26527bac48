package dev.wedge.edge.dispatch.model;

/** Where a stop stands: waiting, the driver is there, or done one way or the other. */
public enum StopStatus {
    PENDING,
    ARRIVED,
    DELIVERED,
    FAILED;

    /** Whether nothing more happens at this stop. */
    public boolean done() {
        return this == DELIVERED || this == FAILED;
    }
}
