package dev.wedge.label.transport;

/**
 * Where a printer listens for raw ZPL: a host and a TCP port (9100 unless configured otherwise).
 *
 * @param host host name or IP address, not blank
 * @param port 1 to 65535
 */
public record PrinterAddress(String host, int port) {

    /** The raw-print port Zebra printers listen on out of the box. */
    public static final int DEFAULT_PORT = 9100;

    public PrinterAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("printer host '" + host + "' is blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("printer port " + port + " is not 1-65535");
        }
    }

    /** The address at the default port 9100. */
    public static PrinterAddress of(String host) {
        return new PrinterAddress(host, DEFAULT_PORT);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
