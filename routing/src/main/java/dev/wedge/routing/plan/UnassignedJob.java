package dev.wedge.routing.plan;

import java.util.Objects;

/** A job left out of the plan, with the reason and a sentence for the dispatcher. */
public record UnassignedJob(String jobId, UnassignedReason reason, String detail) {
    public UnassignedJob {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(reason, "reason of " + jobId);
        Objects.requireNonNull(detail, "detail of " + jobId);
    }
}
