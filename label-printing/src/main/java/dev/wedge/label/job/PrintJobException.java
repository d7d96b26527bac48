package dev.wedge.label.job;

/** A print job request that cannot be carried out as asked; nothing was changed. */
public class PrintJobException extends RuntimeException {

    /** Stable codes for print job refusals. */
    public enum Code {
        /** No job has this id. */
        UNKNOWN_JOB,
        /** A job with this id already exists. */
        DUPLICATE_JOB,
        /** The job is not in a state that allows the change. */
        WRONG_STATE,
        /** The store could not be read or written. */
        STORE_FAILED
    }

    private final Code code;

    public PrintJobException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
