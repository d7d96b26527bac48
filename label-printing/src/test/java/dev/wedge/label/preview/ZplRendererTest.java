package dev.wedge.label.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ZplRendererTest {

    private final ZplRenderer renderer = new ZplRenderer();

    private static boolean black(BufferedImage image, int x, int y) {
        return (image.getRGB(x, y) & 0xFF) < 128;
    }

    private BufferedImage one(String zpl) {
        return renderer.render(zpl).get(0);
    }

    @Test
    void sizesTheImageFromPrintWidthAndLabelLength() {
        BufferedImage image = one("^XA^PW300^LL150^XZ");

        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(150);
    }

    @Test
    void drawsABoxOutlineAtTheFieldOriginOffsetByTheLabelHome() {
        BufferedImage image = one("^XA^PW200^LL200^LH10,20^FO10,10^GB100,50,4^FS^XZ");

        assertThat(black(image, 21, 31)).isTrue();
        assertThat(black(image, 60, 55)).isFalse();
        assertThat(black(image, 118, 78)).isTrue();
        assertThat(black(image, 15, 25)).isFalse();
    }

    @Test
    void reversesAFieldWhereItOverlapsBlack() {
        BufferedImage image = one("^XA^PW100^LL100^FO0,0^GB100,100,100^FS^FO20,20^FR^GB20,20,20^FS^XZ");

        assertThat(black(image, 10, 10)).isTrue();
        assertThat(black(image, 30, 30)).isFalse();
    }

    @Test
    void decodesCompressedAsciiGraphicFields() {
        // Two rows of two bytes: "F0" then 3 times "0" (G = repeat 1... H = 2, so H0 = "00"), then ":" repeats row 1.
        BufferedImage image = one("^XA^PW50^LL50^FO5,5^GFA,4,4,2,F0H0:^FS^XZ");

        assertThat(black(image, 5, 5)).isTrue();
        assertThat(black(image, 8, 6)).isTrue();
        assertThat(black(image, 9, 5)).isFalse();
    }

    @Test
    void drawsTextInsideItsCell() {
        BufferedImage image = one("^XA^PW300^LL100^FO10,10^A0N,50,50^FDHHHH^FS^XZ");

        long ink = CorpusRenderingTest.ink(image.getSubimage(10, 10, 200, 50));
        assertThat(ink).isGreaterThan(500);
        assertThat(CorpusRenderingTest.ink(image.getSubimage(0, 70, 300, 30))).isZero();
    }

    @Test
    void rendersEachFormatAsItsOwnImage() {
        assertThat(renderer.render("^XA^FDa^FS^XZ^XA^FDb^FS^XZ")).hasSize(2);
    }

    @Test
    void namesTheCommandWhoseDataCannotBeDrawn() {
        assertThatThrownBy(() -> renderer.render("^XA^FO0,0^GFA,4,4,0,FF^FS^XZ"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("^GF");
    }
}
