package dev.wedge.label.virtual;

import java.time.Instant;
import java.util.List;

/**
 * One label format a virtual printer printed.
 *
 * @param zpl        the format as received, from {@code ^XA} to {@code ^XZ}
 * @param fieldTexts each {@code ^FD}/{@code ^FV} field's text, decoded from {@code ^FH} escapes, in order
 * @param receivedAt when the format arrived complete
 */
public record ReceivedLabel(String zpl, List<String> fieldTexts, Instant receivedAt) {

    public ReceivedLabel {
        if (zpl == null || receivedAt == null) {
            throw new IllegalArgumentException("received label needs its ZPL and a time");
        }
        fieldTexts = List.copyOf(fieldTexts);
    }

    /** A PNG preview of the label at 203 dpi, so people can see what was printed. */
    public byte[] previewPng() {
        List<java.awt.image.BufferedImage> images = new dev.wedge.label.preview.ZplRenderer().render(zpl);
        return dev.wedge.label.preview.ZplRenderer.toPng(images.get(0));
    }
}
