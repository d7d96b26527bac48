package dev.wedge.label.job;

import dev.wedge.label.transport.PrinterFailureCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where print jobs are kept so that none is lost when the node or a printer goes away. Every change is
 * conditional on the job's current state, so two workers can never both move a job; a refused change throws
 * {@link PrintJobException} and changes nothing. Implementations are thread-safe.
 */
public interface PrintJobStore {

    /** Adds a new queued job. */
    void add(PrintJob job);

    Optional<PrintJob> find(PrintJobId id);

    /** The printer's open jobs (queued, sent, held) in the order they were added. */
    List<PrintJob> open(String printerId);

    /** The printers that have open jobs. */
    List<String> printersWithOpenJobs();

    /** Records that the job is about to be sent, with the printer's label counter just before: queued/held → sent. */
    void markSent(PrintJobId id, long odometerBefore, Instant at);

    /** Records that the job's labels printed: sent/held → done. */
    void markDone(PrintJobId id, Instant at);

    /** Holds the job with the printer's reason: queued/sent/held → held. The last odometer reading is kept. */
    void markHeld(PrintJobId id, PrinterFailureCode reason, String detail, Instant at);

    /**
     * Queues {@code reprint} as a copy of the done job {@code record.original()} and records who asked and why,
     * both or neither.
     */
    PrintJob addReprint(ReprintRecord record);

    /** The reprints of a job, oldest first. */
    List<ReprintRecord> reprints(PrintJobId original);
}
