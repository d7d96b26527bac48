package dev.wedge.label.preview;

import java.awt.image.BufferedImage;

/**
 * Compares a rendered label with a reference image of the same size. Both are thresholded at mid-grey into
 * black and white dots; {@link #agreement} is the fraction of dots that have the same colour in both, and
 * {@link #blackOverlap} the intersection over union of their black dots (stricter, since labels are mostly
 * white).
 */
record PixelSimilarity(double agreement, double blackOverlap) {

    static PixelSimilarity of(BufferedImage rendered, BufferedImage reference) {
        int w = reference.getWidth();
        int h = reference.getHeight();
        long same = 0;
        long both = 0;
        long either = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean a = x < rendered.getWidth() && y < rendered.getHeight() && isBlack(rendered.getRGB(x, y));
                boolean b = isBlack(reference.getRGB(x, y));
                if (a == b) {
                    same++;
                }
                if (a && b) {
                    both++;
                }
                if (a || b) {
                    either++;
                }
            }
        }
        return new PixelSimilarity((double) same / ((long) w * h), either == 0 ? 1.0 : (double) both / either);
    }

    private static boolean isBlack(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return (r + g + b) / 3 < 128;
    }
}
