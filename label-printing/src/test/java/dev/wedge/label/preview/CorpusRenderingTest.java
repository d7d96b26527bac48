package dev.wedge.label.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Real labels from two other projects (see corpus/zpl/SOURCE.md) rendered by the preview. */
class CorpusRenderingTest {

    private final ZplRenderer renderer = new ZplRenderer();

    static List<Path> corpus(String set) throws IOException, URISyntaxException {
        Path dir = Path.of(CorpusRenderingTest.class.getResource("/corpus/zpl/" + set).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".zpl")).sorted().toList();
        }
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static long ink(BufferedImage image) {
        long black = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    black++;
                }
            }
        }
        return black;
    }

    @Test
    void rendersEveryCorpusLabelWithoutError() throws Exception {
        List<Path> files = new ArrayList<>(corpus("binarykits"));
        files.addAll(corpus("zebrash"));
        for (Path file : files) {
            List<BufferedImage> images = renderer.render(read(file));

            assertThat(images).as(file.getFileName().toString()).isNotEmpty();
            assertThat(images).allSatisfy(i -> assertThat(i.getWidth() * i.getHeight()).isPositive());
        }
        assertThat(files).hasSize(26);
    }

    /**
     * Similarity per label: both images thresholded at mid-grey; "agreement" is the share of the 813 x 1626
     * dots with the same colour, "black IoU" the intersection over union of the black dots. The references
     * are one other renderer's output, so fonts differ; the test asserts the mean agreement.
     */
    @Test
    void rendersTheCarrierLabelsCloseToTheirReferenceImages() throws Exception {
        double sum = 0;
        int count = 0;
        for (Path file : corpus("zebrash")) {
            BufferedImage reference;
            try (InputStream in = Files.newInputStream(Path.of(file.toString().replace(".zpl", ".png")))) {
                reference = ImageIO.read(in);
            }
            List<BufferedImage> images = renderer.render(read(file),
                    new RenderOptions(8, reference.getWidth(), reference.getHeight()));
            // A file may hold a settings-only format before the label; compare the format with the most ink.
            BufferedImage label = images.stream().max(java.util.Comparator.comparingLong(CorpusRenderingTest::ink))
                    .orElseThrow();
            PixelSimilarity best = PixelSimilarity.of(label, reference);
            if (System.getProperty("wedge.preview.dump") != null) {
                ImageIO.write(label, "png", Path.of(System.getProperty("wedge.preview.dump"),
                        file.getFileName().toString().replace(".zpl", ".png")).toFile());
            }
            System.out.printf(Locale.ROOT, "preview similarity %-16s agreement %.4f  black IoU %.4f%n",
                    file.getFileName(), best.agreement(), best.blackOverlap());
            sum += best.agreement();
            count++;
        }
        double mean = sum / count;
        System.out.printf(Locale.ROOT, "preview similarity mean agreement %.4f over %d labels%n", mean, count);
        assertThat(count).isEqualTo(8);
        assertThat(mean).isGreaterThanOrEqualTo(0.90);
    }
}
