package dev.wedge.edge.dispatch.model;

import java.util.Objects;

/**
 * A dispatch command that was refused, with a stable code and a sentence naming what was wrong. Refusals are
 * permanent: sending the same command again gives the same answer. Nothing was changed.
 */
public class DispatchException extends RuntimeException {
    private final DispatchErrorCode code;

    public DispatchException(DispatchErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public DispatchErrorCode code() {
        return code;
    }
}
