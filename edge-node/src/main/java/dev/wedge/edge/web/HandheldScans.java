package dev.wedge.edge.web;

import dev.wedge.edge.floor.FloorError;
import dev.wedge.edge.floor.FloorException;
import dev.wedge.scanner.ScanEvent;
import dev.wedge.scanner.wedge.WedgeNormaliser;
import dev.wedge.scanner.wedge.WedgeSettings;
import java.time.Clock;

/**
 * Turns what a handheld's keyboard-wedge scanner typed into the page's scan field into a {@link ScanEvent},
 * through the same normaliser the scanner drivers use (GS substitutes, prefix and suffix, AIM identifier,
 * double-fire suppression per device).
 */
public final class HandheldScans {

    private final WedgeNormaliser normaliser;
    private final WedgeSettings settings;
    private final Clock clock;

    public HandheldScans(WedgeSettings settings, Clock clock) {
        this.normaliser = new WedgeNormaliser(settings);
        this.settings = settings;
        this.clock = clock;
    }

    /** The scan typed in the body's {@code scan} field. */
    public ScanEvent read(ApiRequest request) throws ApiException, FloorException {
        String typed = request.text("scan");
        if (typed.length() > 1000) {
            throw ApiException.badRequest("a scan is at most 1000 characters, got " + typed.length());
        }
        if (typed.isBlank()) {
            throw ApiException.badRequest("the scan is empty");
        }
        return normaliser.normalise(request.device(), typed, clock.instant()).orElseThrow(() ->
                new FloorException(FloorError.DUPLICATE_SCAN, "Same scan again within "
                        + settings.duplicateWindow().toMillis() + " ms: ignored as a double read."));
    }
}
