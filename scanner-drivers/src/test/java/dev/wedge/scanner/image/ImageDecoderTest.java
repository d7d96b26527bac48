package dev.wedge.scanner.image;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import dev.wedge.scanner.gs1.Gs1Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ImageDecoderTest {

    @TempDir
    Path dir;

    private final ImageDecoder decoder = new ImageDecoder();

    private static BufferedImage gs1DataMatrix(String fnc1Data) throws Exception {
        // ZXing's compact encoder turns every GS into FNC1 and starts a GS1 symbol with one.
        BitMatrix matrix = new MultiFormatWriter().encode(fnc1Data, BarcodeFormat.DATA_MATRIX, 200, 200,
                Map.of(EncodeHintType.GS1_FORMAT, true, EncodeHintType.DATA_MATRIX_COMPACT, true,
                        EncodeHintType.MARGIN, 4));
        // Placed on a wider white page, as a photographed label would be.
        BufferedImage page = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = page.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 400, 400);
        g.drawImage(MatrixToImageWriter.toBufferedImage(matrix), 100, 100, null);
        g.dispose();
        return page;
    }

    @Test
    void keepsFnc1AsGroupSeparatorAndReportsTheGs1DataMatrixIdentifier() throws Exception {
        Path png = dir.resolve("label.png");
        javax.imageio.ImageIO.write(gs1DataMatrix("0109521234543213" + "10LOT42\u001D" + "17261231"), "png",
                png.toFile());

        DecodedBarcode barcode = decoder.decode(png);

        assertThat(barcode.symbology()).isEqualTo("]d2");
        assertThat(barcode.format()).isEqualTo("DATA_MATRIX");
        assertThat(barcode.text()).isEqualTo("0109521234543213" + "10LOT42\u001D" + "17261231");
        assertThat(barcode.position()).isNotEmpty();
        assertThat(Gs1Parser.parse(barcode.symbology() + barcode.text()).first("10")).contains("LOT42");
        dev.wedge.scanner.ScanEvent event = barcode.toScanEvent("camera-1", java.time.Instant.EPOCH);
        assertThat(event.symbology()).isEqualTo("]d2");
        assertThat(Gs1Parser.isGs1Symbology(event.symbology())).isTrue();
    }

    @Test
    void readsAGs1128LabelWithoutTheIdentifierInItsText() throws Exception {
        BitMatrix matrix = new MultiFormatWriter().encode("\u00f10037610425002123456937\u00f112", BarcodeFormat.CODE_128,
                400, 120, Map.of(EncodeHintType.MARGIN, 10));
        DecodedBarcode barcode = decoder.decode(MatrixToImageWriter.toBufferedImage(matrix), "sscc");
        assertThat(barcode.symbology()).isEqualTo("]C1");
        assertThat(barcode.text()).isEqualTo("0037610425002123456937\u001D12");
    }

    @Test
    void saysWhyNothingWasDecoded() throws Exception {
        Path notImage = Files.writeString(dir.resolve("notes.png"), "hello");
        assertThat(catchThrowableOfType(ImageDecodeException.class, () -> decoder.decode(notImage)).reason())
                .isEqualTo(ImageDecodeException.Reason.NOT_AN_IMAGE);
        assertThat(catchThrowableOfType(ImageDecodeException.class, () -> decoder.decode(dir.resolve("none.png")))
                .reason()).isEqualTo(ImageDecodeException.Reason.UNREADABLE_FILE);
        BufferedImage blank = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        assertThat(catchThrowableOfType(ImageDecodeException.class, () -> decoder.decode(blank, "blank")).reason())
                .isEqualTo(ImageDecodeException.Reason.NO_BARCODE);
    }

    @Test
    void refusesAnImageWithTooManyPixelsBeforeDecodingIt() throws Exception {
        // A PNG header that declares 20000 x 20000 pixels: decoding such an image took minutes and a gigabyte.
        Path huge = Files.write(dir.resolve("huge.png"), pngHeader(20_000, 20_000));

        ImageDecodeException refused = catchThrowableOfType(ImageDecodeException.class, () -> decoder.decode(huge));

        assertThat(refused.reason()).isEqualTo(ImageDecodeException.Reason.TOO_LARGE);
        assertThat(refused.getMessage()).contains("huge.png").contains("20000 x 20000");
    }

    @Test
    void givesDataBarExpandedAsFnc1DataEvenWhenTheCompanionAisAreMissing() {
        // ZXing's rssexpanded-1/1.png holds (11)(17)(3102) without a GTIN; a scanner still sends FNC1 data.
        assertThat(ImageDecoder.scannerText("(11)100224(17)110224(3102)000100", "]e0", BarcodeFormat.RSS_EXPANDED))
                .isEqualTo("11100224" + "17110224" + "3102000100");
        assertThat(ImageDecoder.scannerText("(10)12A(11)010101", "]e0", BarcodeFormat.RSS_EXPANDED))
                .isEqualTo("1012A\u001D11010101");
    }

    private static byte[] pngHeader(int width, int height) {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }
}
