package dev.wedge.label.zpl;

import dev.wedge.label.model.Dpi;
import dev.wedge.label.model.Label;
import dev.wedge.label.model.LabelElement;
import dev.wedge.label.model.LabelElement.Barcode;
import dev.wedge.label.model.LabelElement.Box;
import dev.wedge.label.model.LabelElement.Text;
import dev.wedge.label.model.LabelElement.TextBlock;

/**
 * Writes a {@link Label} as one ZPL II format at a given resolution. Text is always hex-escaped and capped to
 * the ZPL field limit; barcode data is checked for what the symbology can carry and refused otherwise.
 * Stateless; thread-safe.
 */
public final class ZplLabelWriter {

    /** The label's ZPL from {@code ^XA} to {@code ^XZ}. */
    public String write(Label label, Dpi dpi) {
        ZplWriter zpl = new ZplWriter().startFormat()
                .printWidth(dpi.dots(label.width()))
                .labelLength(dpi.dots(label.length()))
                .labelHome(0, 0);
        for (LabelElement element : label.elements()) {
            zpl.fieldOrigin(dpi.dots(element.x()), dpi.dots(element.y()));
            if (element instanceof Text t) {
                text(zpl, dpi, t);
            } else if (element instanceof TextBlock b) {
                block(zpl, dpi, b);
            } else if (element instanceof Box b) {
                zpl.box(atLeastOne(dpi.dots(b.width())), atLeastOne(dpi.dots(b.height())),
                        atLeastOne(dpi.dots(b.thickness())));
            } else if (element instanceof Barcode b) {
                barcode(zpl, dpi, b);
            }
        }
        return zpl.endFormat().toZpl();
    }

    private static void text(ZplWriter zpl, Dpi dpi, Text t) {
        int h = atLeastOne(dpi.dots(t.height()));
        zpl.font(h, h).fieldData(FieldEncoding.capEscaped(t.text(), FieldEncoding.MAX_FIELD_BYTES));
    }

    private static void block(ZplWriter zpl, Dpi dpi, TextBlock b) {
        int h = atLeastOne(dpi.dots(b.height()));
        int lines = b.text().split("\n", -1).length;
        String text = FieldEncoding.capEscaped(b.text(), FieldEncoding.MAX_FIELD_BYTES - 3 * lines);
        zpl.font(h, h).fieldBlock(atLeastOne(dpi.dots(b.width())), b.maxLines(), 0, b.justification()).blockData(text);
    }

    private static void barcode(ZplWriter zpl, Dpi dpi, Barcode b) {
        int module = atLeastOne(dpi.dots(b.module()));
        int height = atLeastOne(dpi.dots(b.height()));
        switch (b.symbology()) {
            case CODE128 -> zpl.barcodeDefaults(Math.min(module, 10), 3.0, height).code128(height, false)
                    .barcodeData(Code128Data.subsetB(b.data()));
            case GS1_128 -> zpl.barcodeDefaults(Math.min(module, 10), 3.0, height).code128(height, false)
                    .barcodeData(Code128Data.gs1(b.data()));
            case EAN13 -> zpl.barcodeDefaults(Math.min(module, 10), 3.0, height).ean13(height)
                    .barcodeData(MatrixData.ean13(b.data()));
            case DATAMATRIX -> zpl.dataMatrix(module).barcodeData(MatrixData.dataMatrix(b.data()));
            case GS1_DATAMATRIX -> zpl.dataMatrix(module).barcodeData(MatrixData.gs1DataMatrix(b.data()));
            case QR -> zpl.qr(Math.min(module, 10)).barcodeData(MatrixData.qr(b.data()));
            case PDF417 -> zpl.barcodeDefaults(Math.min(module, 10), 3.0, height)
                    .pdf417(Math.max(2, module * 3), pdfColumns(b.data())).barcodeData(MatrixData.pdf417(b.data()));
        }
    }

    private static int pdfColumns(String data) {
        return Math.max(2, Math.min(8, data.length() / 12 + 1));
    }

    private static int atLeastOne(int dots) {
        return Math.max(1, dots);
    }
}
