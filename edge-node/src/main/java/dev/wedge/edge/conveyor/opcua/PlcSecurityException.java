package dev.wedge.edge.conveyor.opcua;

/**
 * The PLC cannot be reached securely the way Wedge is configured to: no acceptable endpoint, an untrusted
 * certificate, unreadable key material. Not retried faster than normal reconnects; it needs an operator.
 */
public final class PlcSecurityException extends Exception {

    public PlcSecurityException(String message) {
        super(message);
    }

    public PlcSecurityException(String message, Throwable cause) {
        super(message, cause);
    }
}
