package dev.wedge.sync;

import java.util.Objects;

/**
 * The one exception type of central-sync. Its {@link #code()} says what went wrong; {@link #retryable()} says
 * whether doing the same thing again later can succeed.
 */
public class SyncException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SyncErrorCode code;

    public SyncException(SyncErrorCode code, String message) {
        this(code, message, null);
    }

    public SyncException(SyncErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable code of this failure. */
    public SyncErrorCode code() {
        return code;
    }

    /** True when the same call may succeed later (network down, database busy). */
    public boolean retryable() {
        return code == SyncErrorCode.HQ_UNREACHABLE || code == SyncErrorCode.STORAGE_FAILED;
    }

    /** Shortcut for an {@link SyncErrorCode#INVALID_INPUT} failure. */
    public static SyncException invalid(String message) {
        return new SyncException(SyncErrorCode.INVALID_INPUT, message);
    }
}
