package dev.wedge.label.preview;

import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import dev.wedge.label.zpl.FieldEncoding;
import dev.wedge.label.zpl.ZplCommand;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Paints the commands of one label format onto a canvas, keeping the state ZPL commands set for the field
 * being built ({@code ^FO}, {@code ^A}, {@code ^FB}, {@code ^FH}, {@code ^FR}, {@code ^B..}) and for the format
 * ({@code ^LH}, {@code ^CF}, {@code ^FW}, {@code ^BY}, {@code ^CI}, {@code ^LR}). Commands it does not draw
 * are ignored, as a printer ignores settings that do not change the image.
 */
final class LabelPainter {

    private final Graphics2D g;
    private final FontSettings fonts = new FontSettings();
    private int homeX;
    private int homeY;
    private int fieldX;
    private int fieldY;
    private boolean typeset;
    private boolean rightAligned;
    private ZplCommand barcode;
    private TextPainter.Block block;
    private Character hexIndicator;
    private Charset charset = StandardCharsets.UTF_8;
    private boolean reverse;
    private boolean labelReverse;
    private StringBuilder data;
    private int moduleWidth = 2;
    private int barHeight = 10;

    LabelPainter(Graphics2D g, int homeX, int homeY) {
        this.g = g;
        this.homeX = homeX;
        this.homeY = homeY;
    }

    /** The label home at the end of the format; a printer keeps it for the next one. */
    int homeX() {
        return homeX;
    }

    int homeY() {
        return homeY;
    }

    void apply(ZplCommand c) throws WriterException {
        String p = c.parameters();
        switch (c.name()) {
            case "^LH" -> {
                homeX = c.intParam(0, homeX);
                homeY = c.intParam(1, homeY);
            }
            case "^FO", "^FT" -> origin(c);
            case "^A", "^A@" -> fonts.fieldFont(c);
            case "^CF" -> fonts.defaultFont(c);
            case "^FW" -> fonts.defaultOrientation(p);
            case "^FB" -> block = new TextPainter.Block(c.intParam(0, 0), Math.max(1, c.intParam(1, 1)),
                    c.intParam(2, 0), c.param(3, "L").charAt(0));
            case "^FH" -> hexIndicator = p.isEmpty() ? '_' : p.charAt(0);
            case "^FD", "^FV" -> (data == null ? data = new StringBuilder() : data).append(p);
            case "^FR" -> reverse = true;
            case "^LR" -> labelReverse = p.startsWith("Y");
            case "^CI" -> charset = c.intParam(0, 0) >= 28 && c.intParam(0, 0) <= 30
                    ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
            case "^BY" -> {
                moduleWidth = Math.max(1, c.intParam(0, moduleWidth));
                barHeight = Math.max(1, c.intParam(2, barHeight));
            }
            case "^GB" -> box(c);
            case "^GF" -> graphic(c);
            case "^FS" -> finishField();
            default -> {
                if (c.name().startsWith("^B") && c.name().length() == 3) {
                    barcode = c;
                }
            }
        }
    }

    private void origin(ZplCommand c) {
        fieldX = homeX + c.intParam(0, 0);
        fieldY = homeY + c.intParam(1, 0);
        typeset = c.name().equals("^FT");
        rightAligned = c.intParam(2, 0) == 1;
    }

    private void startDrawing() {
        boolean invert = reverse || labelReverse;
        if (invert) {
            g.setXORMode(Color.WHITE);
        } else {
            g.setPaintMode();
        }
        g.setColor(Color.BLACK);
    }

    private void box(ZplCommand c) {
        int t = Math.max(1, c.intParam(2, 1));
        int w = Math.max(t, c.intParam(0, t));
        int h = Math.max(t, c.intParam(1, t));
        boolean white = c.param(3, "B").equalsIgnoreCase("W");
        startDrawing();
        if (white && !(reverse || labelReverse)) {
            g.setColor(Color.WHITE);
        }
        int top = typeset ? fieldY - h : fieldY;
        if (t * 2 >= Math.min(w, h)) {
            g.fillRect(fieldX, top, w, h);
        } else {
            g.fillRect(fieldX, top, w, t);
            g.fillRect(fieldX, top + h - t, w, t);
            g.fillRect(fieldX, top + t, t, h - 2 * t);
            g.fillRect(fieldX + w - t, top + t, t, h - 2 * t);
        }
    }

    private void graphic(ZplCommand c) {
        GraphicField field = GraphicField.parse(c.parameters());
        startDrawing();
        int top = typeset ? fieldY - field.rows() : fieldY;
        for (int y = 0; y < field.rows(); y++) {
            for (int x = 0; x < field.widthDots(); x++) {
                if (field.isSet(x, y)) {
                    g.fillRect(fieldX + x, top + y, 1, 1);
                }
            }
        }
    }

    private void finishField() throws WriterException {
        if (data != null) {
            String raw = data.toString();
            if (block != null) {
                raw = raw.replace("\\&", "\n");
            }
            String text = hexIndicator == null ? raw : FieldEncoding.unescape(raw, hexIndicator, charset);
            if (barcode != null) {
                drawBarcode(text);
            } else if (!text.isEmpty()) {
                startDrawing();
                TextPainter.draw(g, text, fieldX, fieldY, typeset, fonts.height(), fonts.width(),
                        fonts.orientation(), block, rightAligned, fonts.isBitmap());
            }
        }
        data = null;
        barcode = null;
        block = null;
        hexIndicator = null;
        reverse = false;
        typeset = false;
        rightAligned = false;
        fonts.endField();
    }

    private void drawBarcode(String text) throws WriterException {
        char orientation = barcode.param(0, String.valueOf(fonts.defaultOrientationChar())).charAt(0);
        boolean[] bars = BarcodeSymbols.linear(barcode, text);
        if (bars != null) {
            boolean code39 = barcode.name().equals("^B3");
            int height = Math.max(1, barcode.intParam(code39 ? 2 : 1, barHeight));
            drawModules(bars.length, 1, orientation, (x, y) -> bars[x], moduleWidth, height);
            if (barcode.param(code39 ? 3 : 2, "Y").startsWith("Y") && orientation == 'N') {
                drawInterpretationLine(text, bars.length * moduleWidth, height);
            }
            return;
        }
        BitMatrix matrix = BarcodeSymbols.matrix(barcode, text);
        if (matrix == null) {
            return;
        }
        int cellW;
        int cellH;
        switch (barcode.name()) {
            case "^BX" -> cellW = cellH = Math.max(1, barcode.intParam(1, 4));
            case "^BQ" -> cellW = cellH = Math.max(1, barcode.intParam(2, 2));
            case "^B7" -> {
                cellW = moduleWidth;
                cellH = Math.max(1, barcode.intParam(1, Math.max(1, barHeight / Math.max(1, matrix.getHeight()))));
            }
            default -> cellW = cellH = moduleWidth;
        }
        drawModules(matrix.getWidth(), matrix.getHeight(), orientation, matrix::get, cellW, cellH);
    }

    interface Modules {
        boolean isBlack(int x, int y);
    }

    /** The human-readable line under a linear symbol, centred, without invocation codes. */
    private void drawInterpretationLine(String text, int width, int height) {
        String readable = dev.wedge.label.zpl.Code128Data.decode(text).data()
                .replace(dev.wedge.label.zpl.Code128Data.GS, ' ');
        int size = Math.max(10, moduleWidth * 9);
        int top = (typeset ? fieldY - height : fieldY) + height + 2;
        startDrawing();
        TextPainter.draw(g, readable, fieldX, top, false, size, size * 3 / 4, 'N',
                new TextPainter.Block(width, 1, 0, 'C'), false);
    }

    private void drawModules(int columns, int rowCount, char orientation, Modules modules, int cellW, int rowHeight) {
        int width = columns * cellW;
        int height = rowCount * rowHeight;
        int top = typeset ? fieldY - height : fieldY;
        startDrawing();
        AffineTransform saved = g.getTransform();
        g.transform(TextPainter.placement(orientation, fieldX, top, width, height));
        for (int y = 0; y < rowCount; y++) {
            int x = 0;
            while (x < columns) {
                if (!modules.isBlack(x, y)) {
                    x++;
                    continue;
                }
                int run = x;
                while (run < columns && modules.isBlack(run, y)) {
                    run++;
                }
                g.fillRect(x * cellW, y * rowHeight, (run - x) * cellW, rowHeight);
                x = run;
            }
        }
        g.setTransform(saved);
    }
}
