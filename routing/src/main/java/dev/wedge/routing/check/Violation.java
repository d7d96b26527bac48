package dev.wedge.routing.check;

import java.util.Objects;

/** One broken rule: which, where (vehicle and job, empty when not applicable) and a sentence. */
public record Violation(ViolationKind kind, String vehicleId, String jobId, String message) {
    public Violation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(message, "message");
    }
}
