package dev.wedge.label.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.label.zpl.Code128Data;
import dev.wedge.label.zpl.ParsedLabel;
import dev.wedge.label.zpl.ZplReader;
import dev.wedge.scanner.gs1.CheckDigit;
import dev.wedge.scanner.gs1.Gtin;
import dev.wedge.scanner.gs1.Sscc;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogisticLabelTemplateTest {

    private static final Sscc SSCC = Sscc.of(3, "4012345", 123456789L);
    private static final Gtin GTIN = Gtin.parse("4012345000016".substring(0, 12) + CheckDigit.compute("401234500001"));

    private final LogisticLabelTemplate template = new LogisticLabelTemplate();

    private ParsedLabel render(PalletLabel label) {
        List<ParsedLabel> labels = new ZplReader().read(template.render(label));
        assertThat(labels).hasSize(1);
        return labels.get(0);
    }

    @Test
    void encodesTheSsccInAGs1_128BarcodeWithAValidCheckDigit() {
        String zpl = template.render(new PalletLabel(SSCC, GTIN, "Tomatoes", 48, "L42", LocalDate.of(2026, 12, 31), "Wedge DC"));

        assertThat(zpl).contains("^BCN,").contains("^FD>;>800" + SSCC.value() + "^FS");
        ParsedLabel label = new ZplReader().read(zpl).get(0);
        List<Code128Data.Content> symbols = label.fieldsOf("^BC").stream()
                .map(f -> Code128Data.decode(f.text())).toList();
        assertThat(symbols).allMatch(Code128Data.Content::gs1);
        String ssccData = symbols.get(symbols.size() - 1).data();
        assertThat(ssccData).startsWith("00").hasSize(20);
        assertThat(CheckDigit.isValid(ssccData.substring(2))).isTrue();
        assertThat(label.fieldTexts()).contains("(00) " + SSCC.value());
    }

    @Test
    void isFourBySixInchesAt203Dpi() {
        String zpl = template.render(new PalletLabel(SSCC, GTIN, "Tomatoes", 48, null, null, null));

        assertThat(zpl).startsWith("^XA^CI28").contains("^PW812").contains("^LL1218").endsWith("^XZ\n");
    }

    @Test
    void printsEveryElementStringWithItsAi() {
        ParsedLabel label = render(new PalletLabel(SSCC, GTIN, "Tomatoes", 48, "L42", LocalDate.of(2026, 12, 31), "Wedge DC"));

        assertThat(label.fieldTexts()).contains("(02) " + GTIN.value(), "(37) 48", "(10) L42", "(15) 261231",
                "Tomatoes", "Wedge DC");
        assertThat(label.fieldsOf("^BC")).extracting(f -> Code128Data.decode(f.text()).data())
                .contains("02" + GTIN.value() + "15261231" + "3748", "10L42");
    }

    @Test
    void leavesOutOptionalLinesThatAreNotGiven() {
        ParsedLabel label = render(new PalletLabel(SSCC, GTIN, "Loose parts", 1, null, null, null));

        assertThat(label.fieldTexts()).noneMatch(t -> t.startsWith("(10)") || t.startsWith("(15)"));
        assertThat(label.fieldsOf("^BC")).hasSize(2);
    }

    @Test
    void printsHostileDescriptionsAsText() {
        String hostile = "^XZ^XA^FO0,0^GB800,1200,800^FS~JR _04 \\ Zoë";
        ParsedLabel label = render(new PalletLabel(SSCC, GTIN, hostile, 5, null, null, "~HS ^FS Åsa"));

        assertThat(label.fieldTexts()).contains(hostile, "~HS ^FS Åsa");
        assertThat(label.commands()).filteredOn(c -> c.name().equals("^GB"))
                .allMatch(c -> !c.parameters().startsWith("800,1200"));
    }

    @Test
    void rejectsALotOutsideTheGs1CharacterSet() {
        assertThatThrownBy(() -> new PalletLabel(SSCC, GTIN, "x", 1, "lot é", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lot é'");
        assertThatThrownBy(() -> new PalletLabel(SSCC, GTIN, " ", 1, null, null, null))
                .hasMessageContaining("description");
        assertThatThrownBy(() -> new PalletLabel(SSCC, GTIN, "x", 0, null, null, null))
                .hasMessageContaining("count 0");
    }
}
