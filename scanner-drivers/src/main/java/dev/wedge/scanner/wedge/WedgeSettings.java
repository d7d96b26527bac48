package dev.wedge.scanner.wedge;

import java.time.Duration;
import java.util.List;

/**
 * How the handhelds of one site type their scans.
 *
 * @param gsSubstitutes   texts that the scanner types where the data holds a GS (FNC1), e.g. "~" or "{GS}";
 *                        each is replaced by a real GS. May be empty
 * @param prefix          text the scanner types before each scan, stripped when present ("" for none)
 * @param suffix          text the scanner types after each scan, stripped when present ("" for none); a
 *                        trailing Enter (CR, LF) or Tab is always stripped
 * @param duplicateWindow the same data from the same device again within this window is the same scan
 */
public record WedgeSettings(List<String> gsSubstitutes, String prefix, String suffix, Duration duplicateWindow) {

    public WedgeSettings {
        gsSubstitutes = List.copyOf(gsSubstitutes);
        for (String s : gsSubstitutes) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("a GS substitute must not be empty");
            }
        }
        if (prefix == null || suffix == null) {
            throw new IllegalArgumentException("prefix and suffix must be given (\"\" for none)");
        }
        if (duplicateWindow == null || duplicateWindow.isNegative()) {
            throw new IllegalArgumentException("duplicate window " + duplicateWindow + " must be zero or positive");
        }
    }

    /** No substitutes, no prefix or suffix, and a 500 ms duplicate window. */
    public static WedgeSettings defaults() {
        return new WedgeSettings(List.of(), "", "", Duration.ofMillis(500));
    }
}
