package dev.wedge.label.transport;

/**
 * A job was sent but the printer did not confirm it afterwards (no host-status reply, or the connection broke
 * during or after sending). The label may or may not have printed, so this is deliberately not a
 * {@link RetryablePrinterException}: sending again could print it twice. The durable job queue settles such
 * jobs with the printer's label counter; other callers hold the job for a person to decide.
 */
public class PrintOutcomeUnknownException extends Exception {

    private final String printerId;
    private final PrinterFailureCode code;

    public PrintOutcomeUnknownException(String printerId, PrinterFailureCode code, String message, Throwable cause) {
        super("printer '" + printerId + "': " + message, cause);
        this.printerId = printerId;
        this.code = code;
    }

    public String printerId() {
        return printerId;
    }

    public PrinterFailureCode code() {
        return code;
    }
}
