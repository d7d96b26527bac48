package dev.wedge.scanner.wedge;

import dev.wedge.scanner.DuplicateFilter;
import dev.wedge.scanner.ScanEvent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns what a keyboard-wedge scanner typed into the browser into the same {@link ScanEvent} a serial scanner
 * gives: GS substitutes and Alt+0029 become GS, the configured prefix and suffix and a trailing Enter are
 * stripped, a leading AIM identifier becomes the symbology, and a repeat of the same data from the same device
 * within the duplicate window is dropped (handhelds double-fire when the trigger bounces).
 *
 * <p>Thread-safe: one instance serves every handheld of a site.
 */
public final class WedgeNormaliser {

    private static final char GS = '\u001D';

    private final WedgeSettings settings;
    private final DuplicateFilter duplicates;

    public WedgeNormaliser(WedgeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.duplicates = new DuplicateFilter(settings.duplicateWindow());
    }

    /**
     * Normalises one typed scan.
     *
     * @return the event, or empty when nothing was typed or the scan repeats the device's last one within the
     *         duplicate window
     * @throws IllegalArgumentException if the device id is blank
     */
    public Optional<ScanEvent> normalise(String deviceId, String typed, Instant at) {
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("a typed scan needs the id of the handheld that typed it");
        }
        Objects.requireNonNull(at, "at");
        String text = strip(typed == null ? "" : typed);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        ScanEvent event = ScanEvent.fromFrame(deviceId, text, at);
        return duplicates.isRepeat(event) ? Optional.empty() : Optional.of(event);
    }

    /** Normalises a scan recorded key by key, decoding Alt codes first. */
    public Optional<ScanEvent> normalise(String deviceId, List<KeyStroke> keys, Instant at) {
        return normalise(deviceId, decodeAltCodes(keys), at);
    }

    /** Replaces each run of digits typed with Alt held by the character of that decimal code. */
    public static String decodeAltCodes(List<KeyStroke> keys) {
        StringBuilder sb = new StringBuilder();
        int code = -1;
        for (KeyStroke k : keys) {
            boolean digit = k.character() >= '0' && k.character() <= '9';
            if (k.altHeld() && digit) {
                code = (code < 0 ? 0 : code * 10) + (k.character() - '0');
                if (code > 255) {
                    throw new IllegalArgumentException("Alt code " + code + " is above 255");
                }
                continue;
            }
            if (code >= 0) {
                sb.append((char) code);
                code = -1;
            }
            sb.append(k.character());
        }
        if (code >= 0) {
            sb.append((char) code);
        }
        return sb.toString();
    }

    private String strip(String typed) {
        String text = typed;
        while (!text.isEmpty() && "\r\n\t".indexOf(text.charAt(text.length() - 1)) >= 0) {
            text = text.substring(0, text.length() - 1);
        }
        if (!settings.prefix().isEmpty() && text.startsWith(settings.prefix())) {
            text = text.substring(settings.prefix().length());
        }
        if (!settings.suffix().isEmpty() && text.endsWith(settings.suffix())) {
            text = text.substring(0, text.length() - settings.suffix().length());
        }
        for (String substitute : settings.gsSubstitutes()) {
            text = text.replace(substitute, String.valueOf(GS));
        }
        return text;
    }
}
