package dev.wedge.label.preview;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import dev.wedge.label.model.Dpi;
import dev.wedge.label.model.LabelElement;
import dev.wedge.label.model.Symbology;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scans one barcode of a rendered label the way a handheld does: aimed at the symbol (the region the label
 * model puts it in), looking for that symbology only. Reports "symbology identifier + text".
 */
final class Decoded {

    private Decoded() {
    }

    static String scan(BufferedImage label, LabelElement.Barcode barcode, Dpi dpi) {
        BufferedImage region;
        if (barcode.symbology().isMatrix() || barcode.symbology() == Symbology.PDF417) {
            // 2D detectors look from the middle of the image, so aim at the symbol itself.
            int cell = Math.max(1, dpi.dots(barcode.module()));
            int gapX = barcode.symbology() == Symbology.PDF417 ? 7 : 2;
            int[] box = blob(label, dpi.dots(barcode.x()), dpi.dots(barcode.y()), cell, gapX, 2);
            region = framed(label.getSubimage(box[0], box[1], box[2] - box[0], box[3] - box[1]));
        } else {
            int x0 = Math.max(0, dpi.dots(barcode.x()) - dpi.dots(4));
            int y0 = Math.max(0, dpi.dots(barcode.y()) - dpi.dots(1));
            int y1 = Math.min(label.getHeight(), y0 + dpi.dots(barcode.height()) + dpi.dots(2));
            region = framed(label.getSubimage(x0, y0, label.getWidth() - x0, y1 - y0));
        }
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(format(barcode.symbology())));
        try {
            Result r = new MultiFormatReader().decode(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(region))), hints);
            Object id = r.getResultMetadata() == null ? null
                    : r.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER);
            String text = r.getText();
            // ZXing's DataMatrix decoder reports the leading FNC1 both in the identifier (]d2) and as a GS.
            if (text.startsWith("\u001D") && String.valueOf(id).matches("]d2|]C1|]Q3")) {
                text = text.substring(1);
            }
            return (id == null ? "" : id.toString()) + text;
        } catch (NotFoundException e) {
            return "nothing found for " + barcode.symbology() + " at " + barcode.x() + "," + barcode.y();
        }
    }

    /**
     * The bounding box {x0, y0, x1, y1} of the black shape that starts at (x, y): cells of {@code cell} dots that
     * hold any black dot, joined across white gaps of up to gapX / gapY cells.
     */
    static int[] blob(BufferedImage image, int x, int y, int cell, int gapX, int gapY) {
        int cols = image.getWidth() / cell;
        int rows = image.getHeight() / cell;
        boolean[][] black = new boolean[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                black[r][c] = anyBlack(image, c * cell, r * cell, cell);
            }
        }
        int startC = Math.min(cols - 1, x / cell);
        int startR = Math.min(rows - 1, y / cell);
        boolean[][] seen = new boolean[rows][cols];
        java.util.ArrayDeque<int[]> queue = new java.util.ArrayDeque<>();
        for (int r = startR; r < Math.min(rows, startR + 3); r++) {
            for (int c = startC; c < Math.min(cols, startC + 3); c++) {
                if (black[r][c]) {
                    seen[r][c] = true;
                    queue.add(new int[] {r, c});
                }
            }
        }
        int minR = rows;
        int minC = cols;
        int maxR = -1;
        int maxC = -1;
        while (!queue.isEmpty()) {
            int[] p = queue.poll();
            minR = Math.min(minR, p[0]);
            maxR = Math.max(maxR, p[0]);
            minC = Math.min(minC, p[1]);
            maxC = Math.max(maxC, p[1]);
            for (int dr = -gapY - 1; dr <= gapY + 1; dr++) {
                for (int dc = -gapX - 1; dc <= gapX + 1; dc++) {
                    int r = p[0] + dr;
                    int c = p[1] + dc;
                    if (r >= 0 && r < rows && c >= 0 && c < cols && !seen[r][c] && black[r][c]) {
                        seen[r][c] = true;
                        queue.add(new int[] {r, c});
                    }
                }
            }
        }
        if (maxR < 0) {
            return new int[] {x, y, Math.min(image.getWidth(), x + 10), Math.min(image.getHeight(), y + 10)};
        }
        return new int[] {minC * cell, minR * cell, Math.min(image.getWidth(), (maxC + 1) * cell),
                Math.min(image.getHeight(), (maxR + 1) * cell)};
    }

    private static boolean anyBlack(BufferedImage image, int x0, int y0, int size) {
        for (int y = y0; y < y0 + size; y++) {
            for (int x = x0; x < x0 + size; x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    return true;
                }
            }
        }
        return false;
    }

    private static BarcodeFormat format(Symbology s) {
        return switch (s) {
            case CODE128, GS1_128 -> BarcodeFormat.CODE_128;
            case EAN13 -> BarcodeFormat.EAN_13;
            case DATAMATRIX, GS1_DATAMATRIX -> BarcodeFormat.DATA_MATRIX;
            case QR -> BarcodeFormat.QR_CODE;
            case PDF417 -> BarcodeFormat.PDF_417;
        };
    }

    /** A white border gives symbols at the edge of the region the quiet zone a scanner needs. */
    private static BufferedImage framed(BufferedImage image) {
        BufferedImage framed = new BufferedImage(image.getWidth() + 80, image.getHeight() + 80, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = framed.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, framed.getWidth(), framed.getHeight());
        g.drawImage(image, 40, 40, null);
        g.dispose();
        return framed;
    }
}
