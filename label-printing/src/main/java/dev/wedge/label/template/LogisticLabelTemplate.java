package dev.wedge.label.template;

import dev.wedge.label.model.Dpi;
import java.util.HashMap;
import java.util.Map;

/**
 * The GS1 logistic label for a pallet, 4 x 6 inches at 203 dpi (812 x 1218 dots), filled from a
 * {@link PalletLabel}.
 *
 * <p>The layout is the {@code gs1-logistic} template of the library it is given (the built-in one unless a
 * site replaced it): sender and description at the top, the human-readable element strings with their AIs
 * in the middle, the content barcodes (02, 15, 37 and 10) and, at the bottom, the SSCC as a GS1-128 barcode
 * with its "(00) ..." interpretation line. Every value is written as escaped field data. Thread-safe.
 */
public final class LogisticLabelTemplate {

    /** The template name in the library. */
    public static final String TEMPLATE = "gs1-logistic";

    private final LabelTemplate template;
    private final Dpi dpi;

    /** The built-in layout at 203 dpi. */
    public LogisticLabelTemplate() {
        this(TemplateLibrary.builtIn(), Dpi.DPI_203);
    }

    /** The layout of {@code library} at the given resolution. */
    public LogisticLabelTemplate(TemplateLibrary library, Dpi dpi) {
        this.template = library.get(TEMPLATE);
        this.dpi = dpi;
    }

    /** The label's ZPL, one format from {@code ^XA} to {@code ^XZ}. */
    public String render(PalletLabel label) {
        return template.toZpl(values(label), dpi);
    }

    /** The template variables for a pallet label. */
    public static Map<String, String> values(PalletLabel label) {
        Map<String, String> values = new HashMap<>();
        values.put("sscc", label.sscc().value());
        values.put("content", label.content().value());
        values.put("count", Integer.toString(label.count()));
        values.put("description", label.description());
        if (label.lot() != null) {
            values.put("lot", label.lot());
        }
        if (label.bestBefore() != null) {
            values.put("bestBefore", label.bestBefore().toString());
        }
        if (label.shipFrom() != null) {
            values.put("from", label.shipFrom());
        }
        return values;
    }
}
