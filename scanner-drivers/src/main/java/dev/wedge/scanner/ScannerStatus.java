package dev.wedge.scanner;

import java.time.Instant;

/**
 * What a supervisor needs to know about one scanner at a glance.
 *
 * @param scannerId      the logical id
 * @param up             whether the device is connected and being read now
 * @param frames         frames delivered since the consumer started
 * @param rejectedFrames frames dropped (too long, or garbage that framing could not place) since start
 * @param lastError      the last connection or read problem, or {@code null} if there was none
 * @param lastFrameAt    when the last frame was delivered, or {@code null}
 */
public record ScannerStatus(String scannerId, boolean up, long frames, long rejectedFrames, String lastError,
                            Instant lastFrameAt) {

    public ScannerStatus {
        if (scannerId == null || scannerId.isBlank()) {
            throw new IllegalArgumentException("a scanner status needs a scanner id, got '" + scannerId + "'");
        }
        if (frames < 0 || rejectedFrames < 0) {
            throw new IllegalArgumentException("scanner " + scannerId + " frame counts cannot be negative: "
                    + frames + ", " + rejectedFrames);
        }
    }
}
