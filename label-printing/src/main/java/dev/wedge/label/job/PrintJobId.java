package dev.wedge.label.job;

import java.util.UUID;

/** The identity of one print job; stable across restarts and retries. */
public record PrintJobId(String value) {

    public PrintJobId {
        if (value == null || !value.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new IllegalArgumentException("print job id '" + value + "' is not 1-64 letters, digits, . _ : -");
        }
    }

    /** A new random id. */
    public static PrintJobId random() {
        return new PrintJobId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
