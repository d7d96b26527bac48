package dev.wedge.label.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wedge.label.model.Dpi;
import dev.wedge.label.model.Label;
import dev.wedge.label.model.LabelElement;
import dev.wedge.label.template.LabelTemplate;
import dev.wedge.label.template.SampleValues;
import dev.wedge.label.template.TemplateLibrary;
import dev.wedge.label.zpl.Code128Data;
import dev.wedge.label.zpl.ZplLabelWriter;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PreviewRoundTripTest {

    private static final TemplateLibrary LIBRARY = TemplateLibrary.builtIn();

    static List<Object[]> templatesAndResolutions() {
        List<Object[]> cases = new ArrayList<>();
        for (String name : TemplateLibrary.BUILT_IN) {
            for (Dpi dpi : Dpi.values()) {
                cases.add(new Object[] {name, dpi});
            }
        }
        return cases;
    }

    /** What a scanner reports for each barcode of the label: symbology identifier and data. */
    static List<String> expected(Label label) {
        List<String> expected = new ArrayList<>();
        for (LabelElement e : label.elements()) {
            if (e instanceof LabelElement.Barcode b) {
                expected.add(switch (b.symbology()) {
                    case GS1_128 -> "]C1" + Code128Data.gs1Transmitted(b.data());
                    case GS1_DATAMATRIX -> "]d2" + Code128Data.gs1Transmitted(b.data());
                    case CODE128 -> "]C0" + b.data();
                    case EAN13 -> "]E0" + b.data();
                    case DATAMATRIX -> "]d1" + b.data();
                    case QR -> "]Q1" + b.data();
                    case PDF417 -> "]L0" + b.data();
                });
            }
        }
        return expected;
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("templatesAndResolutions")
    void decodesEveryBarcodeOfThePreviewBackToItsIntendedContent(String name, Dpi dpi) throws Exception {
        LabelTemplate template = LIBRARY.get(name);
        Label label = template.fill(SampleValues.of(name));
        String zpl = new ZplLabelWriter().write(label, dpi);

        List<BufferedImage> images = new ZplRenderer().render(zpl, new RenderOptions(dpi.dotsPerMm(), 0, 0));

        assertThat(images).hasSize(1);
        if (System.getProperty("wedge.preview.dump") != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("wedge.preview.dump"), name + "-" + dpi + ".png"),
                    ZplRenderer.toPng(images.get(0)));
            java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("wedge.preview.dump"), name + "-" + dpi + ".zpl"), zpl);
        }
        List<String> expected = expected(label);
        List<String> scanned = label.elements().stream()
                .filter(e -> e instanceof LabelElement.Barcode)
                .map(e -> Decoded.scan(images.get(0), (LabelElement.Barcode) e, dpi)).toList();
        assertThat(expected).isNotEmpty();
        assertThat(scanned).containsExactlyElementsOf(expected);
    }
}
