package dev.wedge.label.zpl;

/**
 * Builds ZPL II text one command at a time, writing every piece of variable text through {@code ^FH} hex
 * escaping so that no value can end its field or start a command.
 *
 * <p>Coordinates and sizes are printer dots. The writer adds no commands of its own except
 * {@code ^CI28} after {@code ^XA}, so that escaped bytes are read as UTF-8. Every method that takes field
 * data escapes it; {@link #code128Data}, {@link #gs1Code128Data} and {@link #barcodeData} first add the
 * symbology's own codes ({@code >;}, {@code >8}, ...), and {@link #blockData} the {@code \&} line breaks,
 * which only the writer produces. {@link #command} is the one method that writes unescaped text: it is for
 * command parameters chosen by code, never for data. Not thread-safe: one writer per label being built.
 */
public final class ZplWriter {

    private final StringBuilder out = new StringBuilder(2048);

    /** Starts a label format: {@code ^XA^CI28}. */
    public ZplWriter startFormat() {
        out.append("^XA^CI28\n");
        return this;
    }

    /** Ends the label format: {@code ^XZ}. */
    public ZplWriter endFormat() {
        out.append("^XZ\n");
        return this;
    }

    /** {@code ^PW}: print width in dots. */
    public ZplWriter printWidth(int dots) {
        return command("^PW", positive(dots, "print width"));
    }

    /** {@code ^LL}: label length in dots. */
    public ZplWriter labelLength(int dots) {
        return command("^LL", positive(dots, "label length"));
    }

    /** {@code ^LH}: label home, the origin every later field is offset by. */
    public ZplWriter labelHome(int x, int y) {
        return command("^LH", notNegative(x, "label home x") + "," + notNegative(y, "label home y"));
    }

    /** {@code ^PQ}: how many copies of this label to print. */
    public ZplWriter quantity(int copies) {
        return command("^PQ", positive(copies, "print quantity"));
    }

    /** {@code ^FO}: field origin (top-left corner of the next field). */
    public ZplWriter fieldOrigin(int x, int y) {
        out.append("^FO").append(notNegative(x, "field origin x")).append(',').append(notNegative(y, "field origin y"));
        return this;
    }

    /** {@code ^FT}: field typeset (baseline origin of the next field). */
    public ZplWriter fieldTypeset(int x, int y) {
        return command("^FT", notNegative(x, "field typeset x") + "," + notNegative(y, "field typeset y"));
    }

    /** {@code ^A0N,h,w}: the scalable font at the given height and width in dots. */
    public ZplWriter font(int height, int width) {
        out.append("^A0N,").append(positive(height, "font height")).append(',').append(positive(width, "font width"));
        return this;
    }

    /** {@code ^CF0,h,w}: the default font for fields that name none. */
    public ZplWriter defaultFont(int height, int width) {
        return command("^CF0,", positive(height, "font height") + "," + positive(width, "font width"));
    }

    /**
     * {@code ^FB}: wraps the next text field into a block.
     *
     * @param justification one of L, C, R, J
     */
    public ZplWriter fieldBlock(int width, int maxLines, int lineSpacing, char justification) {
        if ("LCRJ".indexOf(justification) < 0) {
            throw new IllegalArgumentException("field block justification '" + justification + "' is not L, C, R or J");
        }
        return command("^FB", positive(width, "field block width") + "," + positive(maxLines, "field block lines")
                + "," + lineSpacing + "," + justification);
    }

    /** {@code ^FR}: prints the next field reversed (white on black where it overlaps black). */
    public ZplWriter fieldReverse() {
        out.append("^FR");
        return this;
    }

    /** {@code ^GB...^FS}: a box or, with one side equal to the thickness, a line. */
    public ZplWriter box(int width, int height, int thickness) {
        command("^GB", positive(width, "box width") + "," + positive(height, "box height") + ","
                + positive(thickness, "box thickness"));
        out.append("^FS\n");
        return this;
    }

    /** {@code ^BY}: barcode module width in dots, wide-to-narrow ratio and default height. */
    public ZplWriter barcodeDefaults(int moduleWidth, double ratio, int height) {
        if (moduleWidth < 1 || moduleWidth > 10) {
            throw new IllegalArgumentException("barcode module width " + moduleWidth + " is not 1-10 dots");
        }
        if (!(ratio >= 2.0 && ratio <= 3.0)) {
            throw new IllegalArgumentException("barcode wide-to-narrow ratio " + ratio + " is not 2.0-3.0");
        }
        long tenths = Math.round(ratio * 10);
        return command("^BY", moduleWidth + "," + tenths / 10 + "." + tenths % 10 + "," + positive(height, "barcode height"));
    }

    /** {@code ^BCN,h,f,N,N}: Code 128 (also used for GS1-128) with or without interpretation line. */
    public ZplWriter code128(int height, boolean interpretationLine) {
        return command("^BCN,", positive(height, "barcode height") + "," + (interpretationLine ? "Y" : "N") + ",N,N");
    }

    /** {@code ^BEN,h,N,N}: EAN-13 without interpretation line. */
    public ZplWriter ean13(int height) {
        return command("^BEN,", positive(height, "barcode height") + ",N,N");
    }

    /** {@code ^BXN,m,200,0,0,6,#}: DataMatrix ECC 200 with {@code #} as its escape character. */
    public ZplWriter dataMatrix(int moduleDots) {
        return command("^BXN,", positive(moduleDots, "DataMatrix module") + ",200,0,0,6," + MatrixData.DATAMATRIX_ESCAPE);
    }

    /** {@code ^BQN,2,m}: QR model 2 at a magnification of 1 to 10. */
    public ZplWriter qr(int magnification) {
        if (magnification < 1 || magnification > 10) {
            throw new IllegalArgumentException("QR magnification " + magnification + " is not 1-10");
        }
        return command("^BQN,2,", magnification);
    }

    /** {@code ^B7N,h,2,c}: PDF417 with a row height in dots, security level 2 and a number of data columns. */
    public ZplWriter pdf417(int rowHeight, int columns) {
        if (columns < 1 || columns > 30) {
            throw new IllegalArgumentException("PDF417 columns " + columns + " is not 1-30");
        }
        return command("^B7N,", positive(rowHeight, "PDF417 row height") + ",2," + columns);
    }

    /** Field data for any barcode, already prepared by {@link Code128Data} or {@link MatrixData}; escaped here. */
    public ZplWriter barcodeData(String prepared) {
        if (prepared == null || prepared.isEmpty()) {
            throw new IllegalArgumentException("barcode data is empty");
        }
        return rawFieldData(FieldEncoding.escape(prepared));
    }

    /** Appends any other already-formed command (for example {@code ^BXN,6,200}). Nothing is escaped. */
    public ZplWriter command(String command, Object parameters) {
        out.append(command).append(parameters);
        return this;
    }

    /** {@code ^FH_^FD<escaped text>^FS}: the field's data, always hex-escaped. */
    public ZplWriter fieldData(String text) {
        if (text == null) {
            throw new IllegalArgumentException("field text is null");
        }
        return rawFieldData(FieldEncoding.escape(text));
    }

    /**
     * Field data for a text block ({@code ^FB}): each line escaped, lines joined by the block's line break
     * {@code \&}, which the writer alone can produce.
     */
    public ZplWriter blockData(String text) {
        if (text == null) {
            throw new IllegalArgumentException("field text is null");
        }
        StringBuilder joined = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                joined.append("\\&");
            }
            joined.append(FieldEncoding.escape(lines[i]));
        }
        return rawFieldData(joined.toString());
    }

    /** Field data for a {@link #code128} field: printable ASCII text written in subset B. */
    public ZplWriter code128Data(String text) {
        return rawFieldData(FieldEncoding.escape(Code128Data.subsetB(text)));
    }

    /** Field data for a GS1-128 field: FNC1 in first position, then the element string (see {@link Code128Data#gs1}). */
    public ZplWriter gs1Code128Data(String elementString) {
        return rawFieldData(FieldEncoding.escape(Code128Data.gs1(elementString)));
    }

    /** Text at a position in the scalable font: {@code ^FO x,y ^A0N,h,h ^FH_^FD...^FS}. */
    public ZplWriter text(int x, int y, int height, String text) {
        return fieldOrigin(x, y).font(height, height).fieldData(text);
    }

    private ZplWriter rawFieldData(String escaped) {
        if (escaped.length() > FieldEncoding.MAX_FIELD_BYTES) {
            throw new IllegalArgumentException("field data of " + escaped.length()
                    + " bytes after escaping exceeds the ZPL limit of " + FieldEncoding.MAX_FIELD_BYTES);
        }
        out.append("^FH").append(FieldEncoding.INDICATOR).append("^FD").append(escaped).append("^FS\n");
        return this;
    }

    /** The ZPL written so far. */
    public String toZpl() {
        return out.toString();
    }

    @Override
    public String toString() {
        return toZpl();
    }

    private static int positive(int value, String what) {
        if (value < 1 || value > 32000) {
            throw new IllegalArgumentException(what + " " + value + " is not 1-32000 dots");
        }
        return value;
    }

    private static int notNegative(int value, String what) {
        if (value < 0 || value > 32000) {
            throw new IllegalArgumentException(what + " " + value + " is not 0-32000 dots");
        }
        return value;
    }
}
