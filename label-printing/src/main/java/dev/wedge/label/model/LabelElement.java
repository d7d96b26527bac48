package dev.wedge.label.model;

/**
 * One thing printed on a label. Positions and sizes are millimetres from the label's top-left corner, so the
 * same label prints at any resolution.
 */
public sealed interface LabelElement permits LabelElement.Text, LabelElement.TextBlock, LabelElement.Box,
        LabelElement.Barcode {

    /** Left edge, mm. */
    double x();

    /** Top edge, mm. */
    double y();

    /**
     * One line of text in the scalable font.
     *
     * @param height character height, mm
     */
    record Text(double x, double y, double height, String text) implements LabelElement {
        public Text {
            Geometry.position(x, y, "text");
            Geometry.size(height, "text height");
            if (text == null) {
                throw new IllegalArgumentException("text at " + x + "," + y + " is null");
            }
        }
    }

    /**
     * Text wrapped into a block of at most {@code maxLines} lines.
     *
     * @param justification L, C, R or J
     */
    record TextBlock(double x, double y, double width, double height, int maxLines, char justification, String text)
            implements LabelElement {
        public TextBlock {
            Geometry.position(x, y, "text block");
            Geometry.size(width, "text block width");
            Geometry.size(height, "text block character height");
            if (maxLines < 1 || maxLines > 9999) {
                throw new IllegalArgumentException("text block lines " + maxLines + " is not 1-9999");
            }
            if ("LCRJ".indexOf(justification) < 0) {
                throw new IllegalArgumentException("text block justification '" + justification + "' is not L, C, R or J");
            }
            if (text == null) {
                throw new IllegalArgumentException("text block at " + x + "," + y + " is null");
            }
        }
    }

    /** A box outline, or a filled bar or line when the thickness reaches half a side. */
    record Box(double x, double y, double width, double height, double thickness) implements LabelElement {
        public Box {
            Geometry.position(x, y, "box");
            Geometry.size(width, "box width");
            Geometry.size(height, "box height");
            Geometry.size(thickness, "box thickness");
        }
    }

    /**
     * A barcode.
     *
     * @param height bar height in mm (ignored by matrix symbols)
     * @param module narrow bar or cell size, mm
     * @param data   the content; GS1 symbologies take the bracketed element string, for example
     *               {@code (00)340123450001234568}
     */
    record Barcode(Symbology symbology, double x, double y, double height, double module, String data)
            implements LabelElement {
        public Barcode {
            if (symbology == null) {
                throw new IllegalArgumentException("barcode at " + x + "," + y + " has no symbology");
            }
            Geometry.position(x, y, "barcode");
            Geometry.size(height, "barcode height");
            Geometry.size(module, "barcode module");
            if (data == null || data.isEmpty()) {
                throw new IllegalArgumentException(symbology.templateName() + " barcode at " + x + "," + y + " has no data");
            }
        }
    }
}
