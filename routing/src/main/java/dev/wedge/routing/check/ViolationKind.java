package dev.wedge.routing.check;

/** What rule a plan breaks. */
public enum ViolationKind {
    UNKNOWN_VEHICLE,
    UNKNOWN_JOB,
    MISSING_JOB,
    DUPLICATE_JOB,
    CAPACITY,
    TIME_WINDOW,
    SHIFT,
    SKILL,
    PIN,
    PRECEDENCE,
    BREAK,
    TRIP_OVERLAP,
    DISTANCE
}
