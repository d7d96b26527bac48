package dev.wedge.routing.plan;

import java.util.Objects;

/**
 * One point of a route: the stop (or break) id, the job it belongs to (the pair id for pickup-delivery stops),
 * arrival, service start and departure times as the solver planned them.
 */
public record Visit(String stopId, String jobId, VisitKind kind, double arrival, double start, double end) {
    public Visit {
        Objects.requireNonNull(stopId, "stopId");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(kind, "kind");
    }
}
