package dev.wedge.label.job;

import dev.wedge.label.status.HostStatus;
import dev.wedge.label.transport.PrinterFailureCode;
import dev.wedge.label.transport.RetryablePrinterException;
import dev.wedge.label.transport.ZebraPrinter;
import dev.wedge.label.zpl.ZplCommand;
import dev.wedge.label.zpl.ZplLexer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Prints durable jobs, in order per printer, exactly once.
 *
 * <p>A job is written to the store before anything is sent, and marked sent (with the printer's label
 * counter, {@code odometer.total_label_count}) before its bytes leave. A job that may have reached the printer
 * is never sent again until the printer says, with an empty buffer, that its counter did not move by the job's
 * labels: then the job did not print and sending it is safe. A printer fault (paper out, head open, paused,
 * unreachable, silent) holds the job with the printer's reason; every {@code retryInterval} held and queued jobs
 * are tried again, so they resume by themselves when the printer is ready. This assumes Wedge is the only
 * sender to its printers. Reprints are explicit and audited.
 *
 * <p>Work runs on the given executor, one printer at a time per printer. Thread-safe.
 */
public final class PrintJobQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrintJobQueue.class);

    private final PrintJobStore store;
    private final Map<String, ZebraPrinter> printers;
    private final ScheduledExecutorService executor;
    private final Duration retryInterval;
    private final Clock clock;
    private final Map<String, AtomicBoolean> pending = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> tick;

    private enum Outcome { DONE, BLOCKED }

    public PrintJobQueue(PrintJobStore store, Map<String, ZebraPrinter> printers, ScheduledExecutorService executor,
                         Duration retryInterval, Clock clock) {
        if (store == null || printers == null || executor == null || clock == null) {
            throw new IllegalArgumentException("print job queue needs a store, printers, an executor and a clock");
        }
        if (retryInterval == null || retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException("print job retry interval " + retryInterval + " is not positive");
        }
        this.store = store;
        this.printers = Map.copyOf(printers);
        this.executor = executor;
        this.retryInterval = retryInterval;
        this.clock = clock;
    }

    /** Resumes every open job and starts the periodic retry. */
    public synchronized void start() {
        if (tick == null) {
            long ms = retryInterval.toMillis();
            tick = executor.scheduleWithFixedDelay(this::retryAll, 0, Math.max(1, ms), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void close() {
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
    }

    /**
     * Queues a job durably and starts printing it.
     *
     * @throws IllegalArgumentException if the printer is not configured or the ZPL holds no label format
     */
    public PrintJobId submit(String printerId, String zpl) {
        requirePrinter(printerId);
        PrintJobId id = PrintJobId.random();
        store.add(PrintJob.queued(id, printerId, zpl, labelCount(zpl), null, clock.instant()));
        requestDrain(printerId);
        return id;
    }

    /**
     * A new queued job for a configured printer, not yet stored: for callers that store it in their own
     * transaction ({@link JdbcPrintJobStore#add(java.sql.Connection, PrintJob)}) and then {@link #wake} the queue.
     *
     * @throws IllegalArgumentException if the printer is not configured or the ZPL holds no label format
     */
    public PrintJob newJob(String printerId, String zpl) {
        requirePrinter(printerId);
        return PrintJob.queued(PrintJobId.random(), printerId, zpl, labelCount(zpl), null, clock.instant());
    }

    /** Starts printing the printer's open jobs now rather than at the next retry tick. */
    public void wake(String printerId) {
        requirePrinter(printerId);
        requestDrain(printerId);
    }

    /**
     * Prints a done job again, as a new job, recording who asked and why.
     *
     * @throws PrintJobException        if the job does not exist or has not printed yet
     * @throws IllegalArgumentException if the job's printer is no longer configured; nothing is stored then
     */
    public PrintJob reprint(PrintJobId original, String requestedBy, String reason) {
        store.find(original).ifPresent(job -> requirePrinter(job.printerId()));
        PrintJob copy = store.addReprint(new ReprintRecord(original, PrintJobId.random(), requestedBy, reason,
                clock.instant()));
        requestDrain(copy.printerId());
        return copy;
    }

    public Optional<PrintJob> job(PrintJobId id) {
        return store.find(id);
    }

    /** How many labels a job's ZPL prints: each format once, or as many times as its {@code ^PQ} says. */
    static int labelCount(String zpl) {
        if (zpl == null) {
            throw new IllegalArgumentException("print job ZPL is null");
        }
        int labels = 0;
        int copies = 1;
        boolean inFormat = false;
        for (ZplCommand c : ZplLexer.commands(zpl)) {
            switch (c.name()) {
                case "^XA" -> {
                    inFormat = true;
                    copies = 1;
                }
                case "^PQ" -> copies = Math.max(1, c.intParam(0, 1));
                case "^XZ" -> {
                    if (inFormat) {
                        labels += copies;
                    }
                    inFormat = false;
                }
                default -> { }
            }
        }
        if (labels == 0) {
            throw new IllegalArgumentException("print job ZPL has no complete ^XA..^XZ label format");
        }
        return labels;
    }

    private void requirePrinter(String printerId) {
        if (!printers.containsKey(printerId)) {
            throw new IllegalArgumentException("printer '" + printerId + "' is not configured (configured: "
                    + new java.util.TreeSet<>(printers.keySet()) + ")");
        }
    }

    private void retryAll() {
        try {
            for (String printerId : store.printersWithOpenJobs()) {
                if (printers.containsKey(printerId)) {
                    requestDrain(printerId);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("print job retry could not read the store: {}", e.getMessage());
        }
    }

    private void requestDrain(String printerId) {
        AtomicBoolean flag = pending.computeIfAbsent(printerId, id -> new AtomicBoolean());
        if (flag.compareAndSet(false, true)) {
            executor.execute(() -> drain(printerId, flag));
        }
    }

    private void drain(String printerId, AtomicBoolean flag) {
        synchronized (locks.computeIfAbsent(printerId, id -> new Object())) {
            flag.set(false);
            MDC.put("printerId", printerId);
            try {
                for (PrintJob job : store.open(printerId)) {
                    if (process(printers.get(printerId), job) == Outcome.BLOCKED) {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("print jobs for printer {} stopped: {}", printerId, e.getMessage());
            } finally {
                MDC.remove("printerId");
            }
        }
    }

    private Outcome process(ZebraPrinter printer, PrintJob job) {
        try {
            HostStatus status = printer.hostStatus();
            if (job.maybeSent()) {
                if (!status.isIdle()) {
                    return hold(job, waitingReason(status), "labels still waiting in the printer: " + status.faults());
                }
                long counter = printer.labelCount();
                if (counter > job.odometerBefore()) {
                    return settlePrinted(job, counter - job.odometerBefore());
                }
                // Idle and the counter did not move: the earlier send never printed, so sending is safe.
            }
            if (!status.isReady()) {
                return hold(job, waitingReason(status), "not ready: " + status.faults());
            }
            long before = printer.labelCount();
            store.markSent(job.id(), before, clock.instant());
            printer.send(job.zpl());
            return settleAfterSend(printer, job, before);
        } catch (RetryablePrinterException e) {
            return hold(job, e.code(), e.getMessage());
        }
    }

    private Outcome settleAfterSend(ZebraPrinter printer, PrintJob job, long before) throws RetryablePrinterException {
        HostStatus after = printer.hostStatus();
        if (after.isIdle()) {
            long counter = printer.labelCount();
            if (counter > before) {
                return settlePrinted(job, counter - before);
            }
        }
        if (after.isIdle() && after.isReady()) {
            return hold(job, PrinterFailureCode.NOT_CONFIRMED, "sent; the printer's label counter does not show it");
        }
        return hold(job, waitingReason(after), "sent; not yet printed: " + after.faults());
    }

    /**
     * The printer is idle and its counter moved since the job was sent, so the job printed, in whole or in
     * part. Either way it is done: sending it again would print some of its labels twice, and only an explicit,
     * audited reprint may do that.
     */
    private Outcome settlePrinted(PrintJob job, long printed) {
        if (printed < job.labelCount()) {
            LOG.warn("print job {} printed {} of its {} labels; it is not sent again (reprint it if labels are"
                    + " missing)", job.id(), printed, job.labelCount());
        }
        store.markDone(job.id(), clock.instant());
        return Outcome.DONE;
    }

    private static PrinterFailureCode waitingReason(HostStatus status) {
        List<HostStatus.Condition> faults = status.faults();
        return faults.isEmpty() ? PrinterFailureCode.LABELS_PENDING : PrinterFailureCode.valueOf(faults.get(0).name());
    }

    private Outcome hold(PrintJob job, PrinterFailureCode reason, String detail) {
        store.markHeld(job.id(), reason, detail, clock.instant());
        LOG.info("print job {} held: {} ({})", job.id(), reason, detail);
        return Outcome.BLOCKED;
    }
}
