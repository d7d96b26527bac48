package dev.wedge.edge.conveyor;

/**
 * The OPC UA address space a Wedge sorter PLC exposes, by string node id in the namespace {@link #NAMESPACE_URI}.
 * The simulator serves exactly these nodes and the edge reads and writes them; a real PLC program maps its data
 * blocks onto the same names.
 *
 * <ul>
 *   <li>{@code Sorter/Induction}: the parcel just scanned at the induction, an array of {@code KeyValuePair}
 *       ({@code TrackingId} UInt32, {@code Barcode} String, {@code Timestamp} DateTime, {@code NoRead} Boolean),
 *       written in one piece so the fields of two parcels never mix;</li>
 *   <li>{@code Sorter/Induction/PhotoEye}: parcels counted at the induction (UInt32);</li>
 *   <li>{@code Sorter/Lane/<n>/DivertRequest}: the host writes the tracking id that must leave at lane n;</li>
 *   <li>{@code Sorter/Lane/<n>/DivertConfirm}: the PLC writes the tracking id of the last parcel that left there;</li>
 *   <li>{@code Sorter/Lane/<n>/PhotoEye}: parcels counted at lane n;</li>
 *   <li>{@code Sorter/Line/State}: the PackML state number ({@link LineState#code()}).</li>
 * </ul>
 */
public final class SorterNodes {

    /** The namespace the sorter's nodes live in; clients resolve its index at connect time. */
    public static final String NAMESPACE_URI = "urn:wedge:conveyor";

    public static final String INDUCTION = "Sorter/Induction";
    public static final String INDUCTION_PHOTO_EYE = "Sorter/Induction/PhotoEye";
    public static final String LINE_STATE = "Sorter/Line/State";

    private SorterNodes() {
    }

    public static String divertRequest(int lane) {
        return "Sorter/Lane/" + lane + "/DivertRequest";
    }

    public static String divertConfirm(int lane) {
        return "Sorter/Lane/" + lane + "/DivertConfirm";
    }

    public static String lanePhotoEye(int lane) {
        return "Sorter/Lane/" + lane + "/PhotoEye";
    }

    /** The node as camel-milo's {@code node=} option spells it (namespace by URI, so restarts cannot move it). */
    public static String camelNode(String id) {
        return "RAW(nsu=" + NAMESPACE_URI + ";s=" + id + ")";
    }
}
