package dev.wedge.label.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The barcode symbologies a label can carry, with the names templates use for them. */
public enum Symbology {
    CODE128("code128", false),
    GS1_128("gs1-128", true),
    EAN13("ean13", false),
    DATAMATRIX("datamatrix", false),
    GS1_DATAMATRIX("gs1-datamatrix", true),
    QR("qr", false),
    PDF417("pdf417", false);

    private final String templateName;
    private final boolean gs1;

    Symbology(String templateName, boolean gs1) {
        this.templateName = templateName;
        this.gs1 = gs1;
    }

    /** The name used in template files, for example {@code gs1-128}. */
    public String templateName() {
        return templateName;
    }

    /** True when the data is a GS1 element string in bracketed form. */
    public boolean isGs1() {
        return gs1;
    }

    /** True for two-dimensional symbols whose size is set by a cell size, not a bar height. */
    public boolean isMatrix() {
        return this == DATAMATRIX || this == GS1_DATAMATRIX || this == QR;
    }

    /** The symbology with the given template name. */
    public static Symbology byTemplateName(String name) {
        for (Symbology s : values()) {
            if (s.templateName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("barcode type '" + name + "' is not one of "
                + Arrays.stream(values()).map(Symbology::templateName).collect(Collectors.joining(", ")));
    }
}
