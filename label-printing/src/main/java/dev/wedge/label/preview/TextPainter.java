package dev.wedge.label.preview;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws ZPL text fields. Zebra's fonts are not available, so every font is drawn with the JDK's bold sans
 * serif, scaled so that a ZPL character cell of height h and width w is matched: the glyphs are stretched
 * vertically by {@link #HEIGHT_SCALE} and horizontally by {@link #WIDTH_SCALE} of the cell.
 */
final class TextPainter {

    /** Font size (em) per dot of ZPL character height. */
    static final double HEIGHT_SCALE = 1.04;
    /** Font size (em) per dot of ZPL character width; Zebra's font 0 is a condensed face. */
    static final double WIDTH_SCALE = 0.70;
    /** Distance from the top of the character cell to the baseline, per dot of height. */
    static final double BASELINE = 0.75;

    /** Font size (em) per dot of cell width for the bitmap fonts A-H, drawn in the monospaced face. */
    static final double BITMAP_WIDTH_SCALE = 2.1;

    private static final Font BASE = new Font(Font.SANS_SERIF, Font.BOLD, 100);
    private static final Font BITMAP = new Font(Font.MONOSPACED, Font.PLAIN, 100);

    private TextPainter() {
    }

    /** A text block ({@code ^FB}): width in dots, line count, extra spacing and justification. */
    record Block(int width, int maxLines, int spacing, char justification) {
    }

    /** Draws one field with the origin as the top-left of its cell (or its baseline when {@code baseline}). */
    static void draw(Graphics2D g, String text, int x, int y, boolean baseline, int height, int width,
                     char orientation, Block block, boolean rightAligned) {
        draw(g, text, x, y, baseline, height, width, orientation, block, rightAligned, false);
    }

    static void draw(Graphics2D g, String text, int x, int y, boolean baseline, int height, int width,
                     char orientation, Block block, boolean rightAligned, boolean bitmapFont) {
        Font font = bitmapFont
                ? BITMAP.deriveFont(AffineTransform.getScaleInstance(width * BITMAP_WIDTH_SCALE / 100.0, height / 100.0))
                : BASE.deriveFont(AffineTransform.getScaleInstance(width * WIDTH_SCALE / 100.0,
                        height * HEIGHT_SCALE / 100.0));
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        List<String> lines = block == null ? List.of(text) : wrap(text, block, metrics);
        int lineHeight = height + (block == null ? 0 : block.spacing());
        int boxWidth = block == null ? metrics.stringWidth(text) : block.width();
        int boxHeight = lineHeight * lines.size();
        int left = rightAligned ? x - boxWidth : x;
        AffineTransform saved = g.getTransform();
        int firstBaseline;
        if (baseline) {
            // ^FT: the origin is the start of the (last line's) baseline, whatever the rotation.
            AffineTransform t = AffineTransform.getTranslateInstance(left, y);
            t.rotate(angle(orientation));
            g.transform(t);
            firstBaseline = -(lines.size() - 1) * lineHeight;
        } else {
            g.transform(placement(orientation, left, y, boxWidth, boxHeight));
            firstBaseline = (int) Math.round(height * BASELINE);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int dx = block == null ? 0 : offset(block, metrics.stringWidth(line));
            g.drawString(line, dx, firstBaseline + i * lineHeight);
        }
        g.setTransform(saved);
    }

    /** Moves and turns the field so that its rotated box keeps its top-left corner at (left, top). */
    static AffineTransform placement(char orientation, int left, int top, int boxWidth, int boxHeight) {
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 'R' -> {
                t.translate(left + boxHeight, top);
                t.rotate(Math.PI / 2);
            }
            case 'I' -> {
                t.translate(left + boxWidth, top + boxHeight);
                t.rotate(Math.PI);
            }
            case 'B' -> {
                t.translate(left, top + boxWidth);
                t.rotate(-Math.PI / 2);
            }
            default -> t.translate(left, top);
        }
        return t;
    }

    private static double angle(char orientation) {
        return switch (orientation) {
            case 'R' -> Math.PI / 2;
            case 'I' -> Math.PI;
            case 'B' -> -Math.PI / 2;
            default -> 0;
        };
    }

    private static int offset(Block block, int lineWidth) {
        return switch (block.justification()) {
            case 'C' -> (block.width() - lineWidth) / 2;
            case 'R' -> block.width() - lineWidth;
            default -> 0;
        };
    }

    private static List<String> wrap(String text, Block block, FontMetrics metrics) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ", -1)) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (metrics.stringWidth(candidate) > block.width() && line.length() > 0) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines.size() > block.maxLines() ? lines.subList(0, block.maxLines()) : lines;
    }
}
