package dev.wedge.label.camel;

/** Header names the {@code zebra:} component sets on the exchange after a job. */
public final class ZebraConstants {

    /** The logical id of the printer the job went to (String). */
    public static final String PRINTER_ID = "CamelZebraPrinterId";

    /** How many bytes of ZPL were sent (Integer). */
    public static final String BYTES_SENT = "CamelZebraBytesSent";

    private ZebraConstants() {
    }
}
