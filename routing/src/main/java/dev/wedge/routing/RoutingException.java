package dev.wedge.routing;

import java.util.Objects;

/**
 * A routing call that failed as a whole: bad problem input, unreadable benchmark file, unreachable travel-cost
 * service with no cached matrix. Single jobs that cannot be served are not errors; they are reported in the plan.
 */
public class RoutingException extends RuntimeException {
    private final RoutingErrorCode code;

    public RoutingException(RoutingErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public RoutingException(RoutingErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable code of this failure. */
    public RoutingErrorCode code() {
        return code;
    }
}
