package dev.wedge.sync.edge;

import java.time.Instant;

/**
 * An overlap no rule decided, as the supervisor sees it.
 *
 * @param id              conflict id
 * @param cursor          HQ stream position of the message
 * @param kind            message kind
 * @param key             entity key
 * @param reason          stable reason code
 * @param detail          sentence for the supervisor
 * @param incomingPayload HQ's message payload
 * @param detectedAt      when it was parked
 * @param resolvedAt      when a supervisor resolved it, null while open
 * @param resolution      the decision, null while open
 * @param resolvedBy      who decided
 * @param note            the supervisor's note
 */
public record Conflict(long id, long cursor, String kind, String key, String reason, String detail,
        String incomingPayload, Instant detectedAt, Instant resolvedAt, Resolution resolution, String resolvedBy,
        String note) {
    /** A supervisor's decision. */
    public enum Resolution {
        /** HQ's version is to be applied (the application applies it when it records this). */
        APPLY_HQ,
        /** The floor's state stands; HQ is to be told out of band. */
        KEEP_EDGE,
        /** Resolved by hand in both systems. */
        RESOLVED_MANUALLY
    }

    /** True while no supervisor has decided. */
    public boolean open() {
        return resolvedAt == null;
    }
}
