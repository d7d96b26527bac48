package dev.wedge.label.preview;

/**
 * How to render a preview.
 *
 * @param dotsPerMm  printer resolution: 8 (203 dpi), 12 (300 dpi) or 24 (600 dpi)
 * @param widthDots  image width; 0 takes the label's {@code ^PW}, else 4 inches
 * @param heightDots image height; 0 takes the label's {@code ^LL}, else 6 inches
 */
public record RenderOptions(int dotsPerMm, int widthDots, int heightDots) {

    /** 203 dpi, sized from the label itself. */
    public static final RenderOptions DEFAULT = new RenderOptions(8, 0, 0);

    public RenderOptions {
        if (dotsPerMm < 1 || dotsPerMm > 24) {
            throw new IllegalArgumentException("preview resolution " + dotsPerMm + " dots/mm is not 1-24");
        }
        if (widthDots < 0 || widthDots > 20000 || heightDots < 0 || heightDots > 40000) {
            throw new IllegalArgumentException("preview size " + widthDots + "x" + heightDots + " dots is out of range");
        }
    }

    /** The nominal resolution: 8, 12 and 24 dots/mm are the 203, 300 and 600 dpi heads. */
    int dotsPerInch() {
        return switch (dotsPerMm) {
            case 8 -> 203;
            case 12 -> 300;
            case 24 -> 600;
            default -> (int) Math.round(dotsPerMm * 25.4);
        };
    }

    int defaultWidth() {
        return 4 * dotsPerInch();
    }

    int defaultHeight() {
        return 6 * dotsPerInch();
    }
}
