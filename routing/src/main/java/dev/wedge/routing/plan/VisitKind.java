package dev.wedge.routing.plan;

/** What happens at one point of a route. */
public enum VisitKind {
    DELIVERY,
    PICKUP,
    PAIR_PICKUP,
    PAIR_DELIVERY,
    BREAK
}
