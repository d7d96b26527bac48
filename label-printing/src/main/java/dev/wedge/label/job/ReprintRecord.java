package dev.wedge.label.job;

import java.time.Instant;

/**
 * The audit entry of a reprint: an explicit request by a person, with a reason.
 *
 * @param original    the job printed before
 * @param reprint     the new job that prints it again
 * @param requestedBy who asked
 * @param reason      why
 * @param requestedAt when
 */
public record ReprintRecord(PrintJobId original, PrintJobId reprint, String requestedBy, String reason,
                            Instant requestedAt) {

    public ReprintRecord {
        if (original == null || reprint == null || requestedAt == null) {
            throw new IllegalArgumentException("reprint record lacks a job id or a time");
        }
        if (requestedBy == null || requestedBy.isBlank()) {
            throw new IllegalArgumentException("reprint of " + original + " needs who asked for it");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reprint of " + original + " needs a reason");
        }
        if (requestedBy.length() > 100 || reason.length() > 500) {
            throw new IllegalArgumentException("reprint of " + original + ": who is at most 100 and why at most 500 characters");
        }
    }
}
