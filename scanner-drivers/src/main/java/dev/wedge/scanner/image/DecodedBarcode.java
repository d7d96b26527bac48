package dev.wedge.scanner.image;

import dev.wedge.scanner.ScanEvent;

import java.time.Instant;
import java.util.List;

/**
 * One barcode found in an image.
 *
 * @param text      the data as a scanner would send it after its symbology identifier: GS (ASCII 29) where the
 *                  symbol has FNC1 separators, AI 01 before a DataBar GTIN, FNC1 data rather than brackets for
 *                  DataBar Expanded
 * @param symbology the AIM symbology identifier ("]C1", "]d2", "]Q3", "]e0", "]E0", ...), or "" when unknown
 * @param format    the ZXing barcode format name, e.g. CODE_128, DATA_MATRIX
 * @param position  the points the decoder located (finder patterns or bar ends), possibly empty
 */
public record DecodedBarcode(String text, String symbology, String format, List<ImagePoint> position) {

    public DecodedBarcode {
        if (text == null || symbology == null || format == null) {
            throw new IllegalArgumentException("a decoded barcode needs text, symbology and format");
        }
        position = List.copyOf(position);
    }

    /** The scan as every other source reports it, for a camera or upload identified by {@code deviceId}. */
    public ScanEvent toScanEvent(String deviceId, Instant at) {
        return new ScanEvent(deviceId, symbology, text, at);
    }
}
