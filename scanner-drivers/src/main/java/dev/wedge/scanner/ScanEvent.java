package dev.wedge.scanner;

import java.time.Instant;

/**
 * One barcode read by one scanner: the common shape of serial, TCP, keyboard-wedge and camera scans.
 *
 * @param scannerId  the logical id of the scanner (the {@code scanner:} URI path, e.g. "pack-2")
 * @param symbology  the AIM symbology identifier found at the start of the data ("]C1", "]d2", "]Q3", "]E0"),
 *                   or "" when the scanner sent none
 * @param data       the scanned data without that identifier and without the framing; GS (ASCII 29) characters
 *                   that stand for FNC1 are kept
 * @param receivedAt when Wedge received the last byte of the scan
 */
public record ScanEvent(String scannerId, String symbology, String data, Instant receivedAt) {

    public ScanEvent {
        if (scannerId == null || scannerId.isBlank()) {
            throw new IllegalArgumentException("a scan event needs a scanner id, got '" + scannerId + "'");
        }
        if (symbology == null) {
            throw new IllegalArgumentException("scan event from " + scannerId + " has a null symbology (use \"\")");
        }
        if (data == null) {
            throw new IllegalArgumentException("scan event from " + scannerId + " has null data");
        }
        if (receivedAt == null) {
            throw new IllegalArgumentException("scan event from " + scannerId + " has no receive time");
        }
    }

    /**
     * Builds the event for one complete frame, splitting off a leading AIM symbology identifier.
     *
     * @param frame the frame as received, without framing characters
     */
    public static ScanEvent fromFrame(String scannerId, String frame, Instant receivedAt) {
        String symbology = SymbologyIdentifier.leading(frame);
        return new ScanEvent(scannerId, symbology, frame.substring(symbology.length()), receivedAt);
    }
}
