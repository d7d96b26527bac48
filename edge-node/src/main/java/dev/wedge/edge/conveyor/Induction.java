package dev.wedge.edge.conveyor;

import java.time.Instant;
import java.util.Objects;

/**
 * One parcel as the PLC reports it at the induction scanner.
 *
 * @param trackingId the PLC's id for the parcel on the belt (UInt32, it wraps around)
 * @param barcode    what the scanner read; empty when {@code noRead}
 * @param inductedAt when the PLC scanned it (PLC clock)
 * @param noRead     the scanner could not read a label
 */
public record Induction(long trackingId, String barcode, Instant inductedAt, boolean noRead) {

    public static final long MAX_TRACKING_ID = 0xFFFF_FFFFL;

    public Induction {
        if (trackingId < 0 || trackingId > MAX_TRACKING_ID) {
            throw new IllegalArgumentException("tracking id " + trackingId + " is outside 0.." + MAX_TRACKING_ID);
        }
        Objects.requireNonNull(inductedAt, "inductedAt");
        barcode = barcode == null ? "" : barcode.trim();
        if (!noRead && barcode.isEmpty()) {
            throw new IllegalArgumentException("parcel " + trackingId + " has no barcode but is not flagged no-read");
        }
    }
}
