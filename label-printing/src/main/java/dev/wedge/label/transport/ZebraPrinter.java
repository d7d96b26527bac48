package dev.wedge.label.transport;

import dev.wedge.label.status.HostStatus;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The printer-side protocols Wedge speaks over one printer's connection: raw ZPL, host status ({@code ~HS})
 * and Set-Get-Do variables ({@code ! U1 getvar "name"}). Zebra's Link-OS SDK is not on Maven Central, so
 * this is Wedge's own client.
 *
 * <p>{@link #print} brackets a job with host-status queries under the connection's lock, so no other job
 * slips in between. No reply within the status timeout counts as a fault, never as ready. Thread-safe.
 */
public final class ZebraPrinter {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private final SocketPrinterConnection connection;

    public ZebraPrinter(SocketPrinterConnection connection) {
        if (connection == null) {
            throw new IllegalArgumentException("a Zebra printer needs a connection");
        }
        this.connection = connection;
    }

    public String printerId() {
        return connection.printerId();
    }

    /** What a checked print saw before and after the job. */
    public record PrintReceipt(HostStatus before, HostStatus after) {
    }

    /**
     * Asks for the host status.
     *
     * @throws PrinterUnavailableException if the printer cannot be reached, or gives no complete reply in time
     *                                     ({@link PrinterFailureCode#NO_STATUS_REPLY}) or a malformed one
     */
    public HostStatus hostStatus() throws PrinterUnavailableException {
        String reply = connection.query("~HS", HostStatus::isComplete);
        try {
            return HostStatus.parse(reply);
        } catch (IllegalArgumentException e) {
            connection.close();
            throw new PrinterUnavailableException(printerId(), PrinterFailureCode.MALFORMED_STATUS, e.getMessage(), e);
        }
    }

    /** Reads an SGD variable, for example {@code device.product_name}; a printer answers "?" for unknown ones. */
    public String getVar(String name) throws PrinterUnavailableException {
        if (name == null || !name.matches("[a-z0-9_.]+")) {
            throw new IllegalArgumentException("SGD variable name '" + name + "' is not lower-case letters, digits, _ and .");
        }
        String reply = connection.query("! U1 getvar \"" + name + "\"\r\n",
                text -> text.chars().filter(c -> c == '"').count() >= 2);
        Matcher m = QUOTED.matcher(reply);
        if (!m.find()) {
            throw new PrinterUnavailableException(printerId(), PrinterFailureCode.MALFORMED_STATUS,
                    "SGD reply '" + reply + "' for " + name + " is not a quoted value", null);
        }
        return m.group(1);
    }

    /** The printer's identity through SGD. */
    public PrinterIdentity identity() throws PrinterUnavailableException {
        synchronized (connection) {
            return new PrinterIdentity(getVar("device.product_name"), getVar("device.unique_id"), getVar("appl.name"));
        }
    }

    /**
     * The printer's label odometer ({@code odometer.total_label_count}): how many labels it has printed.
     *
     * @throws PrinterUnavailableException if the value is not a number
     */
    public long labelCount() throws PrinterUnavailableException {
        String value = getVar("odometer.total_label_count").trim();
        try {
            return Long.parseLong(value.replaceAll("\\D.*$", ""));
        } catch (NumberFormatException e) {
            throw new PrinterUnavailableException(printerId(), PrinterFailureCode.MALFORMED_STATUS,
                    "label odometer '" + value + "' is not a number", e);
        }
    }

    /** Sends ZPL without asking for status. */
    public void send(String zpl) throws PrinterUnavailableException {
        connection.send(zpl);
    }

    /**
     * Prints with host status before and after.
     *
     * @throws PrinterNotReadyException    the status before says the printer cannot print; nothing was sent
     * @throws PrinterUnavailableException the printer could not be reached before anything was sent
     * @throws PrintOutcomeUnknownException sending or the status after failed; the label may have printed
     */
    public PrintReceipt print(String zpl)
            throws PrinterNotReadyException, PrinterUnavailableException, PrintOutcomeUnknownException {
        synchronized (connection) {
            HostStatus before = hostStatus();
            if (!before.isReady()) {
                throw new PrinterNotReadyException(printerId(), before);
            }
            try {
                connection.send(zpl);
                long sentOn = connection.connects();
                HostStatus after = hostStatus();
                if (connection.connects() != sentOn) {
                    throw new PrintOutcomeUnknownException(printerId(), PrinterFailureCode.CONNECTION_LOST,
                            "the connection broke after the job was sent; it may or may not have printed", null);
                }
                return new PrintReceipt(before, after);
            } catch (PrinterUnavailableException e) {
                throw new PrintOutcomeUnknownException(printerId(), e.code(),
                        "job sent but not confirmed: " + e.getMessage(), e);
            }
        }
    }
}
