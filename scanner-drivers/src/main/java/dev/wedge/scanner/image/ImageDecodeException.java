package dev.wedge.scanner.image;

/** An image from which no barcode could be read. Permanent for that image. */
public final class ImageDecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why nothing was decoded. */
    public enum Reason {
        /** The file is missing or unreadable. */
        UNREADABLE_FILE,
        /** The bytes are not an image format Java can read (PNG, JPEG, GIF, BMP). */
        NOT_AN_IMAGE,
        /** The image has more pixels than {@link ImageDecoder#MAX_PIXELS}; it was not decoded. */
        TOO_LARGE,
        /** The image was read but holds no barcode the decoder could find and decode. */
        NO_BARCODE
    }

    private final Reason reason;

    public ImageDecodeException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
