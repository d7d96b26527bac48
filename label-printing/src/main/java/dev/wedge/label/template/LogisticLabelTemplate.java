package dev.wedge.label.template;

import dev.wedge.label.zpl.FieldEncoding;
import dev.wedge.label.zpl.ZplWriter;
import java.time.format.DateTimeFormatter;

/**
 * The GS1 logistic label for a pallet: 4 x 6 inches at 203 dpi (812 x 1218 dots).
 *
 * <p>Top to bottom, as the GS1 Logistic Label Guideline orders it: the sender, the free-text description,
 * the human-readable element strings with their AIs, the content barcodes (02, 15, 37 and 10) and, at the bottom,
 * the SSCC as a GS1-128 barcode with its "(00) ..." interpretation line. Every value is written as escaped
 * field data; text fields are capped to what fits the field. Stateless; thread-safe.
 */
public final class LogisticLabelTemplate {

    static final int WIDTH = 812;
    static final int LENGTH = 1218;
    private static final int MARGIN = 30;
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** The label's ZPL, one format from {@code ^XA} to {@code ^XZ}. */
    public String render(PalletLabel label) {
        ZplWriter zpl = new ZplWriter().startFormat().printWidth(WIDTH).labelLength(LENGTH).labelHome(0, 0);
        senderSection(zpl, label);
        dataSection(zpl, label);
        barcodeSection(zpl, label);
        return zpl.endFormat().toZpl();
    }

    private static void senderSection(ZplWriter zpl, PalletLabel label) {
        zpl.text(MARGIN, 25, 24, "FROM");
        if (label.shipFrom() != null) {
            zpl.fieldOrigin(MARGIN, 55).font(28, 28).fieldBlock(WIDTH - 2 * MARGIN, 3, 4, 'L')
                    .fieldData(cap(label.shipFrom(), 120));
        }
        zpl.fieldOrigin(0, 160).box(WIDTH, 3, 3);
        zpl.fieldOrigin(MARGIN, 180).font(34, 34).fieldBlock(WIDTH - 2 * MARGIN, 2, 4, 'L')
                .fieldData(cap(label.description(), 80));
        zpl.fieldOrigin(0, 265).box(WIDTH, 3, 3);
    }

    private static void dataSection(ZplWriter zpl, PalletLabel label) {
        zpl.text(MARGIN, 285, 24, "SSCC");
        zpl.text(MARGIN, 312, 44, label.sscc().value());
        zpl.text(MARGIN, 375, 24, "CONTENT");
        zpl.text(MARGIN, 402, 36, "(02) " + label.content().value());
        zpl.text(MARGIN, 455, 24, "COUNT");
        zpl.text(MARGIN, 482, 36, "(37) " + label.count());
        if (label.lot() != null) {
            zpl.text(430, 375, 24, "BATCH/LOT");
            zpl.text(430, 402, 36, "(10) " + label.lot());
        }
        if (label.bestBefore() != null) {
            zpl.text(430, 455, 24, "BEST BEFORE (" + READABLE.format(label.bestBefore()) + ")");
            zpl.text(430, 482, 36, "(15) " + YYMMDD.format(label.bestBefore()));
        }
        zpl.fieldOrigin(0, 540).box(WIDTH, 3, 3);
    }

    private static void barcodeSection(ZplWriter zpl, PalletLabel label) {
        // One symbol for the fixed-length data and one for the lot keeps each symbol narrow enough for 4 inches.
        zpl.barcodeDefaults(3, 3.0, 120);
        zpl.fieldOrigin(60, 560).code128(120, false).gs1_128Data(contentElementString(label));
        zpl.text(MARGIN, 690, 26, contentElementString(label));
        if (label.lot() != null) {
            zpl.barcodeDefaults(2, 3.0, 100);
            zpl.fieldOrigin(60, 735).code128(100, false).gs1_128Data("(10)" + label.lot());
            zpl.text(MARGIN, 845, 26, "(10)" + label.lot());
        }
        zpl.fieldOrigin(0, 885).box(WIDTH, 3, 3);
        zpl.text(MARGIN, 900, 24, "SSCC");
        zpl.barcodeDefaults(4, 3.0, 200);
        zpl.fieldOrigin(90, 935).code128(200, false).gs1_128Data("(00)" + label.sscc().value());
        zpl.text(150, 1150, 40, "(00) " + label.sscc().value());
    }

    /** The content element string in bracketed form: GTIN, best-before, count. */
    static String contentElementString(PalletLabel label) {
        StringBuilder s = new StringBuilder("(02)").append(label.content().value());
        if (label.bestBefore() != null) {
            s.append("(15)").append(YYMMDD.format(label.bestBefore()));
        }
        return s.append("(37)").append(label.count()).toString();
    }

    private static String cap(String text, int maxCodePoints) {
        String capped = text.codePointCount(0, text.length()) > maxCodePoints
                ? text.substring(0, text.offsetByCodePoints(0, maxCodePoints)) : text;
        return FieldEncoding.capEscaped(capped, FieldEncoding.MAX_FIELD_BYTES);
    }
}
