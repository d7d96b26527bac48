package dev.wedge.routing.plan;

/** Why a job is not in any route. */
public enum UnassignedReason {
    /** Its demand exceeds the capacity of every vehicle that could take it. */
    CAPACITY,
    /** No vehicle can reach it inside any of its time windows and get back in time. */
    TIME_WINDOW,
    /** No vehicle has every skill it requires (or it is pinned to a vehicle that lacks one). */
    SKILL,
    /** The vehicle's shift (start, end, breaks) leaves no room for it even alone. */
    SHIFT,
    /** It could be served alone, but the fleet is full with the other jobs in this plan. */
    NO_ROOM
}
