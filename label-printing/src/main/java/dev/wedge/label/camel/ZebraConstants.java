package dev.wedge.label.camel;

/** Header names the {@code zebra:} component sets on the exchange after a job. */
public final class ZebraConstants {

    /** The logical id of the printer the job went to (String). */
    public static final String PRINTER_ID = "CamelZebraPrinterId";

    /** How many bytes of ZPL were sent (Integer). */
    public static final String BYTES_SENT = "CamelZebraBytesSent";

    /** The host status read before the job ({@link dev.wedge.label.status.HostStatus}), when status is checked. */
    public static final String STATUS_BEFORE = "CamelZebraStatusBefore";

    /**
     * The host status read after the job. A fault here (for example paper out) means the label waits in the
     * printer and prints once the fault is cleared; it must not be sent again.
     */
    public static final String STATUS_AFTER = "CamelZebraStatusAfter";

    private ZebraConstants() {
    }
}
