package dev.wedge.label.model;

/** The print resolutions Zebra heads come in, with their dots per millimetre. */
public enum Dpi {
    DPI_203(203, 8),
    DPI_300(300, 12),
    DPI_600(600, 24);

    private final int dotsPerInch;
    private final int dotsPerMm;

    Dpi(int dotsPerInch, int dotsPerMm) {
        this.dotsPerInch = dotsPerInch;
        this.dotsPerMm = dotsPerMm;
    }

    public int dotsPerInch() {
        return dotsPerInch;
    }

    public int dotsPerMm() {
        return dotsPerMm;
    }

    /** Millimetres to whole dots, rounded; 101.6 mm (4 in) is 812 dots at 203 dpi. */
    public int dots(double mm) {
        return (int) Math.round(mm * dotsPerInch / 25.4);
    }

    /** The resolution for 203, 300 or 600. */
    public static Dpi of(int dotsPerInch) {
        for (Dpi dpi : values()) {
            if (dpi.dotsPerInch == dotsPerInch) {
                return dpi;
            }
        }
        throw new IllegalArgumentException("resolution " + dotsPerInch + " dpi is not 203, 300 or 600");
    }
}
