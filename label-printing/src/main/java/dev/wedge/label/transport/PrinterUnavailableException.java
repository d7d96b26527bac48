package dev.wedge.label.transport;

/**
 * The printer could not be reached or the connection failed while talking to it
 * ({@link PrinterFailureCode#UNREACHABLE}, {@code CONNECT_TIMEOUT}, {@code WRITE_TIMEOUT}, {@code CONNECTION_LOST},
 * {@code NO_STATUS_REPLY}). Retryable.
 */
public class PrinterUnavailableException extends RetryablePrinterException {

    public PrinterUnavailableException(String printerId, PrinterFailureCode code, String message, Throwable cause) {
        super(printerId, code, message, cause);
    }
}
