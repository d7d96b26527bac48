package dev.wedge.label.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.label.model.Dpi;
import dev.wedge.label.model.Label;
import dev.wedge.label.model.LabelElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateLibraryTest {

    @TempDir
    Path site;

    private static final String SITE_LOCATION = """
            # a site's own location label
            template location
            description: narrow location label
            size width=50 height=25
            var location type=code required max=12 : location code
            text x=2 y=2 h=6 : {location}
            barcode type=code128 x=2 y=10 h=10 m=0.25 : {location}
            """;

    @Test
    void shipsFourTemplatesWithTheirVariables() {
        TemplateLibrary library = TemplateLibrary.builtIn();

        assertThat(library.all()).extracting(LabelTemplate::name)
                .containsExactly("gs1-logistic", "shipping", "product-lot", "location");
        assertThat(library.get("shipping").variables()).extracting(TemplateVariable::name)
                .contains("to", "route", "stop", "door");
    }

    @Test
    void letsASiteFileReplaceABuiltInTemplate() throws Exception {
        Files.writeString(site.resolve("location.label"), SITE_LOCATION);

        LabelTemplate template = TemplateLibrary.builtIn().withDirectory(site).get("location");

        assertThat(template.width()).isEqualTo(50);
        assertThat(template.toZpl(Map.of("location", "B-7"), Dpi.DPI_300)).contains("^PW591").contains("^FD>:B-7^FS");
    }

    @Test
    void namesTheFileAndLineOfAWrongTemplate() throws Exception {
        Files.writeString(site.resolve("broken.label"), "template broken\nsize width=50 height=25\ntext x=1 y=1 h=3 : {nope}\n");

        assertThatThrownBy(() -> TemplateLibrary.builtIn().withDirectory(site))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3").hasMessageContaining("{nope}");
    }

    @Test
    void listsEveryWrongValueAtOnceAndMakesNoLabel() {
        LabelTemplate template = TemplateLibrary.builtIn().get("gs1-logistic");

        assertThatThrownBy(() -> template.fill(Map.of("sscc", "123", "count", "0", "colour", "red")))
                .isInstanceOfSatisfying(TemplateValuesException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("sscc:"))
                        .anyMatch(p -> p.startsWith("count:"))
                        .anyMatch(p -> p.contains("'colour' is not a variable"))
                        .anyMatch(p -> p.equals("content is required"))
                        .anyMatch(p -> p.equals("description is required")));
    }

    @Test
    void leavesOutOnlyTheElementStringPartsWithoutAValue() {
        Label label = TemplateLibrary.builtIn().get("gs1-logistic").fill(Map.of("sscc", "340123450000000017",
                "content", "4012345000016", "count", "12", "description", "Bolts"));

        assertThat(label.elements()).filteredOn(e -> e instanceof LabelElement.Barcode)
                .extracting(e -> ((LabelElement.Barcode) e).data())
                .containsExactly("(02)04012345000016(37)12", "(00)340123450000000017");
    }

    @Test
    void capsLongTextButRefusesAnOverlongBarcodeValue() {
        LabelTemplate location = TemplateLibrary.builtIn().get("location");

        Label label = location.fill(Map.of("location", "A-1", "zone", "z".repeat(100)));

        assertThat(label.elements()).filteredOn(e -> e instanceof LabelElement.Text)
                .extracting(e -> ((LabelElement.Text) e).text()).contains("z".repeat(30));
        assertThatThrownBy(() -> location.fill(Map.of("location", "L".repeat(21))))
                .hasMessageContaining("longer than 20");
    }

    @Test
    void printsNoFromHeadingWhenNoSenderIsGiven() {
        TemplateLibrary library = TemplateLibrary.builtIn();
        Label pallet = library.get("gs1-logistic").fill(Map.of("sscc", "340123450000000017",
                "content", "4012345000016", "count", "12", "description", "Bolts"));
        Label shipping = library.get("shipping").fill(Map.of("to", "Shop", "route", "R1", "stop", "2", "door", "D3"));

        assertThat(texts(pallet)).doesNotContain("FROM", "TO");
        assertThat(texts(shipping)).doesNotContain("FROM").contains("SHIP TO");
    }

    private static java.util.List<String> texts(Label label) {
        return label.elements().stream().filter(e -> e instanceof LabelElement.Text)
                .map(e -> ((LabelElement.Text) e).text()).toList();
    }
}
