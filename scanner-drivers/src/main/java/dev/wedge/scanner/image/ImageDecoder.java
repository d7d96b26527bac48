package dev.wedge.scanner.image;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.ResultPoint;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import dev.wedge.scanner.gs1.Gs1Options;
import dev.wedge.scanner.gs1.Gs1Parser;
import dev.wedge.scanner.gs1.Gs1SyntaxException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Decodes barcodes from camera images with ZXing, with GS1 handling switched on so that FNC1 positions survive
 * as GS characters and the result reads like the output of a hardware scanner (see {@link DecodedBarcode}).
 * Tries hard: with the local binarizer, as a pure barcode, then with the global binarizer. Thread-safe; each call uses its own reader.
 */
public final class ImageDecoder {

    /**
     * Largest image decoded, in pixels (a 48-megapixel photo). Larger images are refused from their header alone:
     * decoding a 900-megapixel upload took minutes of CPU and a gigabyte of heap.
     */
    public static final long MAX_PIXELS = 48_000_000L;

    private static final String GS1_128 = "]C1";
    // DataBar Expanded is turned into FNC1 data as a scanner would send it, whether or not the AIs satisfy the
    // association rules; whoever parses the scan judges those.
    private static final Gs1Parser TO_FNC1 = Gs1Parser.withOptions(
            Gs1Options.strict().withTolerateRedundantSeparators(true).withValidateAssociations(false));

    private final Map<DecodeHintType, Object> hints;
    private final Map<DecodeHintType, Object> pureHints;

    public ImageDecoder() {
        Map<DecodeHintType, Object> h = new EnumMap<>(DecodeHintType.class);
        h.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        h.put(DecodeHintType.ASSUME_GS1, Boolean.TRUE);
        h.put(DecodeHintType.POSSIBLE_FORMATS, EnumSet.complementOf(EnumSet.of(BarcodeFormat.UPC_EAN_EXTENSION)));
        this.hints = h;
        Map<DecodeHintType, Object> pure = new EnumMap<>(h);
        pure.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
        this.pureHints = pure;
    }

    /** Reads the image file and decodes the first barcode found. */
    public DecodedBarcode decode(Path file) throws ImageDecodeException {
        BufferedImage image;
        try {
            if (!Files.isReadable(file)) {
                throw new ImageDecodeException(ImageDecodeException.Reason.UNREADABLE_FILE,
                        file + " does not exist or cannot be read", null);
            }
            refuseIfTooLarge(file);
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new ImageDecodeException(ImageDecodeException.Reason.UNREADABLE_FILE,
                    file + " cannot be read: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new ImageDecodeException(ImageDecodeException.Reason.NOT_AN_IMAGE,
                    file + " is not a PNG, JPEG, GIF or BMP image", null);
        }
        return decode(image, file.toString());
    }

    private static void refuseIfTooLarge(Path file) throws IOException, ImageDecodeException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > MAX_PIXELS) {
                    throw new ImageDecodeException(ImageDecodeException.Reason.TOO_LARGE, file + " is " + width
                            + " x " + height + " pixels, more than the " + MAX_PIXELS + " decoded", null);
                }
            } finally {
                reader.dispose();
            }
        }
    }

    /** Decodes the first barcode found in the image; {@code name} only labels the error message. */
    public DecodedBarcode decode(BufferedImage image, String name) throws ImageDecodeException {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        MultiFormatReader reader = new MultiFormatReader();
        ReaderException last = NotFoundException.getNotFoundInstance();
        // Photos need the local-threshold binarizer (which also locates the symbol); small clean symbols with no
        // quiet zone (a cropped label file) decode only as a pure barcode; low-contrast ones need the global histogram.
        for (int attempt = 0; attempt < 3; attempt++) {
            reader.setHints(attempt == 1 ? pureHints : hints);
            BinaryBitmap bitmap = new BinaryBitmap(attempt < 2 ? new HybridBinarizer(source)
                    : new GlobalHistogramBinarizer(source));
            try {
                return toBarcode(reader.decodeWithState(bitmap));
            } catch (ReaderException e) {
                last = e;
            } catch (RuntimeException e) {
                // ZXing can fail on odd geometry with unchecked exceptions; for the caller it is still no barcode.
                last = NotFoundException.getNotFoundInstance();
            } finally {
                reader.reset();
            }
        }
        throw new ImageDecodeException(ImageDecodeException.Reason.NO_BARCODE,
                "no barcode could be decoded in " + name, last);
    }

    private static DecodedBarcode toBarcode(Result result) {
        Object id = result.getResultMetadata() == null ? null
                : result.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER);
        String symbology = id == null ? "" : id.toString();
        String raw = result.getText();
        if (raw.startsWith("\u001D")) {
            // ZXing passes the FNC1 in first position of a GS1 Data Matrix on as a GS; a scanner sends none there.
            // That FNC1 is what makes the symbol GS1, so a ]d1 so marked is reported as ]d2.
            raw = raw.substring(1);
            if ("]d1".equals(symbology)) {
                symbology = "]d2";
            }
        }
        String text = scannerText(raw, symbology, result.getBarcodeFormat());
        List<ImagePoint> points = new ArrayList<>();
        if (result.getResultPoints() != null) {
            for (ResultPoint p : result.getResultPoints()) {
                if (p != null) {
                    points.add(new ImagePoint(p.getX(), p.getY()));
                }
            }
        }
        return new DecodedBarcode(text, symbology, result.getBarcodeFormat().name(), points);
    }

    /** Brings ZXing's text to the shape a hardware scanner sends after the symbology identifier. */
    static String scannerText(String text, String symbology, BarcodeFormat format) {
        if (GS1_128.equals(symbology) && text.startsWith(GS1_128)) {
            return text.substring(GS1_128.length());
        }
        if (format == BarcodeFormat.RSS_14 && text.matches("\\d{14}")) {
            return "01" + text;
        }
        if (format == BarcodeFormat.RSS_EXPANDED && text.startsWith("(")) {
            try {
                return TO_FNC1.read(text).fnc1Data();
            } catch (Gs1SyntaxException e) {
                // DataBar Expanded that is not valid GS1 is passed on as ZXing read it.
                return text;
            }
        }
        return text;
    }
}
