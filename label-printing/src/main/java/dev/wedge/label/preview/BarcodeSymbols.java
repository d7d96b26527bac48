package dev.wedge.label.preview;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.aztec.AztecWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.oned.Code39Writer;
import com.google.zxing.oned.EAN13Writer;
import com.google.zxing.oned.EAN8Writer;
import com.google.zxing.oned.ITFWriter;
import com.google.zxing.pdf417.encoder.PDF417;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.wedge.label.zpl.Code128Data;
import dev.wedge.label.zpl.MatrixData;
import dev.wedge.label.zpl.ZplCommand;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns a barcode field (its {@code ^B} command and decoded data) into modules with ZXing's writers. Linear
 * symbols come back as a one-row matrix of modules, two-dimensional ones at one module per cell.
 */
final class BarcodeSymbols {

    private static final char ZXING_FNC1 = '\u00f1';

    private BarcodeSymbols() {
    }

    /** Linear modules, or null for a two-dimensional symbol. */
    static boolean[] linear(ZplCommand command, String data) {
        String name = command.name();
        switch (name) {
            case "^BC":
                return code128(command, data);
            case "^BE":
                return new EAN13Writer().encode(digits(data, 12));
            case "^B8":
                return new EAN8Writer().encode(digits(data, 7));
            case "^BU":
                // UPC-A is EAN-13 with a leading zero: the same bars.
                return new EAN13Writer().encode("0" + digits(data, 11));
            case "^B3":
                return new Code39Writer().encode(data.toUpperCase(java.util.Locale.ROOT));
            case "^B2":
                String itf = data.replaceAll("\\D", "");
                return new ITFWriter().encode(itf.length() % 2 == 0 ? itf : "0" + itf);
            default:
                return null;
        }
    }

    /** A two-dimensional symbol at one module per cell, or null if this command draws none. */
    static BitMatrix matrix(ZplCommand command, String data) throws WriterException {
        switch (command.name()) {
            case "^BX":
                return dataMatrix(command, data);
            case "^BQ":
                return qr(data);
            case "^B7":
                return pdf417(command, data);
            case "^BO":
                return new AztecWriter().encode(data, BarcodeFormat.AZTEC, 0, 0);
            default:
                return null;
        }
    }

    private static boolean[] code128(ZplCommand command, String data) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        String mode = command.param(5, "N");
        String contents;
        if (data.indexOf('>') >= 0 && !mode.equals("A")) {
            Code128Data.Content content = Code128Data.decode(data);
            contents = (content.gs1() ? String.valueOf(ZXING_FNC1) : "")
                    + content.data().replace(Code128Data.GS, ZXING_FNC1);
        } else {
            contents = data;
            if (mode.equals("N") && !contents.isEmpty()) {
                // Without invocation codes a printer in mode N encodes everything in subset B.
                hints.put(EncodeHintType.FORCE_CODE_SET, "B");
            }
        }
        if (mode.equals("D")) {
            contents = ZXING_FNC1 + contents.replaceAll("[()]", "");
        }
        return new Code128Writer().encode(contents, hints);
    }

    private static BitMatrix dataMatrix(ZplCommand command, String data) {
        char escape = command.param(6, "~").charAt(0);
        Code128Data.Content content = MatrixData.decodeDataMatrix(data, escape);
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.DATA_MATRIX_SHAPE, SymbolShapeHint.FORCE_SQUARE);
        if (content.gs1()) {
            // Only ZXing's minimal encoder writes FNC1: first for GS1, and for each GS separator.
            hints.put(EncodeHintType.DATA_MATRIX_COMPACT, true);
            hints.put(EncodeHintType.GS1_FORMAT, true);
        }
        if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(content.data())) {
            hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        }
        return new DataMatrixWriter().encode(content.data(), BarcodeFormat.DATA_MATRIX, 0, 0, hints);
    }

    private static BitMatrix qr(String data) throws WriterException {
        ErrorCorrectionLevel level = ErrorCorrectionLevel.Q;
        String text = data;
        int comma = data.indexOf(',');
        if (comma >= 0 && comma <= 3) {
            String head = data.substring(0, comma);
            if (!head.isEmpty() && "HQML".indexOf(head.charAt(0)) >= 0) {
                level = ErrorCorrectionLevel.valueOf(String.valueOf(head.charAt(0)));
            }
            text = data.substring(comma + 1);
        }
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, level);
        hints.put(EncodeHintType.MARGIN, 0);
        if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
            hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        }
        return new QRCodeWriter().encode(text.isEmpty() ? " " : text, BarcodeFormat.QR_CODE, 0, 0, hints);
    }

    /** PDF417 at one dot per module and one dot per row; the caller stretches rows to the row height. */
    private static BitMatrix pdf417(ZplCommand command, String data) throws WriterException {
        // The encoder is used directly because PDF417Writer may turn a tall symbol sideways; and as it fills
        // whatever row count it may use, the least row count that holds the data is searched for.
        int columns = Math.max(1, Math.min(30, command.intParam(3, 4)));
        int fixedRows = command.intParam(4, 0);
        int security = Math.max(0, Math.min(8, command.intParam(2, 2)));
        boolean latin1 = StandardCharsets.ISO_8859_1.newEncoder().canEncode(data);
        WriterException last = null;
        for (int rows = fixedRows >= 3 ? fixedRows : 3; rows <= 90; rows++) {
            PDF417 encoder = new PDF417();
            encoder.setDimensions(columns, columns, rows, rows);
            if (!latin1) {
                encoder.setEncoding(StandardCharsets.UTF_8);
            }
            try {
                encoder.generateBarcodeLogic(data, security, !latin1);
                return toMatrix(encoder.getBarcodeMatrix().getScaledMatrix(1, 1));
            } catch (WriterException | RuntimeException e) {
                last = e instanceof WriterException w ? w : new WriterException(e);
            }
        }
        throw last;
    }

    /** The encoder's matrix lists rows from the bottom up. */
    private static BitMatrix toMatrix(byte[][] rows) {
        BitMatrix m = new BitMatrix(rows[0].length, rows.length);
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length; x++) {
                if (rows[y][x] == 1) {
                    m.set(x, rows.length - 1 - y);
                }
            }
        }
        return m;
    }

    private static String digits(String data, int length) {
        String d = data.replaceAll("\\D", "");
        if (d.length() < length) {
            d = "0".repeat(length - d.length()) + d;
        }
        return d.substring(0, length);
    }

}
