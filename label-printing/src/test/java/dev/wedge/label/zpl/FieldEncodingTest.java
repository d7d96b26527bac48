package dev.wedge.label.zpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldEncodingTest {

    private final ZplReader reader = new ZplReader();

    @ParameterizedTest
    @ValueSource(strings = {"^XZ^XA", "~JR", "_04", "\\", "a\\&b", "Zoë Ørsted-Müller", "^FS^XZ~JA^XA^FDevil",
            "tab\tand\r\nnewline", "\u0000\u0003\u001D", "emoji 😀 ok", "100% & more ~ ^ _ \\"})
    void printsInjectionStringsAsTextThatReadsBackExactly(String value) {
        String zpl = new ZplWriter().startFormat().text(10, 10, 30, value).endFormat().toZpl();

        List<ParsedLabel> labels = reader.read(zpl);

        assertThat(labels).hasSize(1);
        assertThat(labels.get(0).fields()).containsExactly(new ParsedField("^A0", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"^XZ^XA", "~JR", "_04", "\\", "Zoë", "\u0007"})
    void leavesNoCommandCharacterInEscapedData(String value) {
        String escaped = FieldEncoding.escape(value);

        assertThat(escaped).doesNotContain("^", "~", "\\").matches("[\\x20-\\x7E]*");
        assertThat(escaped.replaceAll("_[0-9A-F]{2}", "")).doesNotContain("_");
    }

    @Test
    void escapesEveryByteOfTheUtf8EncodingOfNonAscii() {
        assertThat(FieldEncoding.escape("é")).isEqualTo("_C3_A9");
        assertThat(FieldEncoding.escape("^~_\\")).isEqualTo("_5E_7E_5F_5C");
        assertThat(FieldEncoding.escape("AZ az 09")).isEqualTo("AZ az 09");
    }

    @Test
    void capsTextWithoutSplittingACharacter() {
        String capped = FieldEncoding.capEscaped("abé", 4);

        assertThat(capped).isEqualTo("ab");
        assertThat(FieldEncoding.capEscaped("abé", 8)).isEqualTo("abé");
    }

    @Test
    void refusesFieldDataBeyondTheZplLimit() {
        String tooLong = "é".repeat(FieldEncoding.MAX_FIELD_BYTES / 6 + 1);

        assertThatThrownBy(() -> new ZplWriter().fieldData(tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3072");
    }

    @Test
    void decodesLowerCaseHexAndKeepsAnIndicatorWithoutHexAsText() {
        assertThat(FieldEncoding.unescape("_c3_a9 _zz_", '_', StandardCharsets.UTF_8)).isEqualTo("é _zz_");
    }
}
