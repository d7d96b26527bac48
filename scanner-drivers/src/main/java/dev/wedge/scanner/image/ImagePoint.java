package dev.wedge.scanner.image;

/**
 * A point in image pixel coordinates (x to the right, y down), as the decoder located it.
 *
 * @param x horizontal position
 * @param y vertical position
 */
public record ImagePoint(float x, float y) {

    public ImagePoint {
        if (!Float.isFinite(x) || !Float.isFinite(y)) {
            throw new IllegalArgumentException("image point (" + x + ", " + y + ") is not finite");
        }
    }
}
