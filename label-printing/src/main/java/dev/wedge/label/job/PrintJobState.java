package dev.wedge.label.job;

/**
 * Where a print job is: {@code QUEUED} → {@code SENT} → {@code DONE}, or {@code HELD} with the printer's
 * reason until the printer is ready again. A held job that was already sent is settled by the printer's label
 * counter before anything is sent again.
 */
public enum PrintJobState {
    QUEUED,
    SENT,
    DONE,
    HELD;

    /** True for jobs the queue still has to finish. */
    public boolean isOpen() {
        return this != DONE;
    }
}
