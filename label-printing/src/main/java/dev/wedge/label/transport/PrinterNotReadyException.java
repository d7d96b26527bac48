package dev.wedge.label.transport;

import dev.wedge.label.status.HostStatus;

/**
 * The printer answered its host status with a condition that stops printing (paper out, head open, paused,
 * ribbon out, buffer full). Nothing was sent. Retryable once someone fixes the printer.
 */
public class PrinterNotReadyException extends RetryablePrinterException {

    private final transient HostStatus status;

    public PrinterNotReadyException(String printerId, HostStatus status) {
        super(printerId, codeOf(status), "not ready: " + status.faults(), null);
        this.status = status;
    }

    /** The status that said not ready. */
    public HostStatus status() {
        return status;
    }

    static PrinterFailureCode codeOf(HostStatus status) {
        return status.faults().isEmpty() ? PrinterFailureCode.MALFORMED_STATUS
                : PrinterFailureCode.valueOf(status.faults().get(0).name());
    }
}
