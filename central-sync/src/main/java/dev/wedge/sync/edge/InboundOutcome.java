package dev.wedge.sync.edge;

import dev.wedge.sync.SyncException;

/**
 * What an {@link InboundHandler} did with one message.
 *
 * @param type   applied, ignored or conflict
 * @param reason short stable reason code for ignored and conflict (e.g. {@code ORDER_BEING_PICKED})
 * @param detail a sentence for the supervisor
 */
public record InboundOutcome(Type type, String reason, String detail) {
    /** The three outcomes. */
    public enum Type { APPLIED, IGNORED, CONFLICT }

    public InboundOutcome {
        if (type == null) {
            throw SyncException.invalid("Inbound outcome needs a type.");
        }
        if (type != Type.APPLIED && (reason == null || reason.isBlank() || reason.length() > 64)) {
            throw SyncException.invalid("Inbound outcome " + type + " needs a reason of 1-64 characters.");
        }
        detail = detail == null ? "" : detail.length() > 1000 ? detail.substring(0, 1000) : detail;
    }

    public static InboundOutcome applied() {
        return new InboundOutcome(Type.APPLIED, null, null);
    }

    public static InboundOutcome ignored(String reason, String detail) {
        return new InboundOutcome(Type.IGNORED, reason, detail);
    }

    public static InboundOutcome conflict(String reason, String detail) {
        return new InboundOutcome(Type.CONFLICT, reason, detail);
    }
}
