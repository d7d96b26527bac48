package dev.wedge.label.zpl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ZplReaderTest {

    private final ZplReader reader = new ZplReader();

    @Test
    void splitsFormatsAndNamesEachFieldsOwningCommand() {
        String zpl = "^XA^CI28^FO10,10^A0N,30,30^FH_^FDZo_C3_AB^FS^FO10,60^BY2^BCN,80,N^FD>:AB12^FS^XZ\r\n"
                + "^XA^CFD^FO5,5^FDplain^FS^XZ";

        List<ParsedLabel> labels = reader.read(zpl);

        assertThat(labels).hasSize(2);
        assertThat(labels.get(0).fields()).containsExactly(
                new ParsedField("^A0", "Zoë"), new ParsedField("^BC", ">:AB12"));
        assertThat(labels.get(1).fields()).containsExactly(new ParsedField("^AD", "plain"));
    }

    @Test
    void honoursAnotherHexIndicatorAndTheLatin1CharacterSet() {
        String zpl = "^XA^CI27^FO1,1^A0N,20,20^FH\\^FDa\\5Fb\\E9^FS^XZ";

        assertThat(reader.read(zpl).get(0).fieldTexts()).containsExactly("a_bé");
    }

    @Test
    void ignoresTextOutsideFormatsAndComments() {
        String zpl = "junk^FDnot a field^FS~HS^XA^FXa comment^FO1,1^FDin^FS^XZ trailing";

        assertThat(reader.read(zpl)).singleElement()
                .extracting(ParsedLabel::fieldTexts).isEqualTo(List.of("in"));
    }

    @Test
    void followsAChangedCaret() {
        String zpl = "^XA^CC+ +FO1,1+FDx^y+FS+XZ";

        assertThat(reader.read(zpl)).singleElement()
                .extracting(ParsedLabel::fieldTexts).isEqualTo(List.of("x^y"));
    }
}
