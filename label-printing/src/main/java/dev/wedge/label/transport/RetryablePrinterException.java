package dev.wedge.label.transport;

/**
 * A printer failure that may go away by itself (the printer is off, out of paper, paused, the network
 * blinked). Callers hold the job and try again later; permanent failures (a bad label) use other types.
 */
public class RetryablePrinterException extends Exception {

    private final String printerId;
    private final PrinterFailureCode code;

    public RetryablePrinterException(String printerId, PrinterFailureCode code, String message, Throwable cause) {
        super("printer '" + printerId + "': " + message, cause);
        this.printerId = printerId;
        this.code = code;
    }

    /** The logical id of the printer that failed. */
    public String printerId() {
        return printerId;
    }

    /** The stable failure code. */
    public PrinterFailureCode code() {
        return code;
    }
}
