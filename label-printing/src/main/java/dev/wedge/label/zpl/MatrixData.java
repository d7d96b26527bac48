package dev.wedge.label.zpl;

import dev.wedge.scanner.gs1.CheckDigit;

/**
 * Field data for the two-dimensional and retail symbols: {@code ^BX} (DataMatrix, ECC 200), {@code ^BQ} (QR),
 * {@code ^B7} (PDF417) and {@code ^BE} (EAN-13). The result still goes through {@link FieldEncoding#escape}.
 *
 * <p>DataMatrix fields name {@link #DATAMATRIX_ESCAPE} as their escape character: {@code #1} is FNC1 and a
 * literal {@code #} is written twice. Pure functions.
 */
public final class MatrixData {

    /** The escape character Wedge declares in {@code ^BX}; not part of the GS1 character set. */
    public static final char DATAMATRIX_ESCAPE = '#';

    private MatrixData() {
    }

    /** DataMatrix data: the text with every escape character doubled. */
    public static String dataMatrix(String text) {
        requireContent(text, "DataMatrix");
        return text.replace("#", "##");
    }

    /** GS1 DataMatrix data: FNC1 first, then the element string with FNC1 after each variable-length value. */
    public static String gs1DataMatrix(String bracketed) {
        String transmitted = Code128Data.gs1Transmitted(bracketed);
        return DATAMATRIX_ESCAPE + "1" + transmitted.replace(String.valueOf(Code128Data.GS), DATAMATRIX_ESCAPE + "1");
    }

    /** QR data in automatic mode with error correction level Q: {@code QA,} followed by the text. */
    public static String qr(String text) {
        requireContent(text, "QR");
        return "QA," + text;
    }

    /** PDF417 data: the text itself. */
    public static String pdf417(String text) {
        requireContent(text, "PDF417");
        return text;
    }

    /**
     * EAN-13 data: the twelve digits the printer adds a check digit to.
     *
     * @throws IllegalArgumentException unless 12 digits, or 13 digits with a valid check digit
     */
    public static String ean13(String digits) {
        if (digits == null || !digits.matches("\\d{12,13}")) {
            throw new IllegalArgumentException("EAN-13 data '" + digits + "' is not 12 or 13 digits");
        }
        if (digits.length() == 13 && !CheckDigit.isValid(digits)) {
            throw new IllegalArgumentException("EAN-13 '" + digits + "' has a wrong check digit (expected "
                    + CheckDigit.compute(digits.substring(0, 12)) + ")");
        }
        return digits.substring(0, 12);
    }

    /** Reads {@code ^BX} data back: resolves escape sequences, FNC1 first marks GS1, later FNC1s become GS. */
    public static Code128Data.Content decodeDataMatrix(String fieldText, char escape) {
        StringBuilder out = new StringBuilder();
        boolean gs1 = false;
        int i = 0;
        while (i < fieldText.length()) {
            char c = fieldText.charAt(i);
            if (c != escape || i + 1 >= fieldText.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = fieldText.charAt(i + 1);
            i += 2;
            if (next == escape) {
                out.append(escape);
            } else if (next == '1') {
                if (i == 2) {
                    gs1 = true;
                } else {
                    out.append(Code128Data.GS);
                }
            } else if (next == 'd' && i + 3 <= fieldText.length() && fieldText.substring(i, i + 3).matches("\\d{3}")) {
                out.append((char) Integer.parseInt(fieldText.substring(i, i + 3)));
                i += 3;
            } else if (next >= '@' && next <= '_') {
                out.append((char) (next - '@'));
            }
        }
        return new Code128Data.Content(gs1, out.toString());
    }

    private static void requireContent(String text, String symbology) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException(symbology + " data is empty");
        }
    }
}
