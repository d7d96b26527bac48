package dev.wedge.label.transport;

import java.time.Duration;

/**
 * How long to wait for a printer.
 *
 * @param connect for the TCP connection to be established
 * @param write   for one job's bytes to be taken by the printer
 * @param status  for a reply to a status or SGD query
 */
public record PrinterTimeouts(Duration connect, Duration write, Duration status) {

    /** 5 s to connect, 10 s to write, 3 s for a status reply. */
    public static final PrinterTimeouts DEFAULTS =
            new PrinterTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(3));

    public PrinterTimeouts {
        check(connect, "connect");
        check(write, "write");
        check(status, "status");
    }

    private static void check(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " timeout " + d + " is not a positive duration");
        }
    }
}
