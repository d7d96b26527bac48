package dev.wedge.scanner.gs1;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class Gs1ParserTest {

    private static final String GS = "\u001D";

    private static Gs1SyntaxException failure(String text) {
        Gs1SyntaxException e = catchThrowableOfType(Gs1SyntaxException.class, () -> Gs1Parser.parse(text));
        assertThat(e).as("parse of '%s' should fail", text).isNotNull();
        return e;
    }

    @Test
    void readsGs1128DataWithTheSeparatorAfterTheVariableLengthLot() {
        ElementString es = Gs1Parser.parse("]C10109521234543213" + "10ABC123" + GS + "17261231" + "3103000125");

        assertThat(es.elements()).extracting(AiElement::ai).containsExactly("01", "10", "17", "3103");
        assertThat(es.first("01")).contains("09521234543213");
        assertThat(es.first("10")).contains("ABC123");
        assertThat(es.first("17")).contains("261231");
        assertThat(es.elements().get(0).title()).isEqualTo("GTIN");
        assertThat(es.elements().get(1).title()).isEqualTo("BATCH/LOT");
        assertThat(es.elements().get(3).title()).isEqualTo("NET WEIGHT (kg)");
        assertThat(es.elements().get(3).decimalValue()).contains(new BigDecimal("0.125"));
        assertThat(es.bracketed()).isEqualTo("(01)09521234543213(10)ABC123(17)261231(3103)000125");
    }

    @ParameterizedTest
    @CsvSource({"]C1", "]d2", "]Q3", "]e0", "]J1"})
    void stripsEveryGs1SymbologyIdentifier(String symbology) {
        ElementString es = Gs1Parser.parse(symbology + "00376104250021234569" + "0209521234543213" + "37" + "12");
        assertThat(es.first("00")).contains("376104250021234569");
        assertThat(es.first("37")).contains("12");
        assertThat(es.elements().get(2).title()).isEqualTo("COUNT");
    }

    @Test
    void readsDataWithoutSymbologyIdentifierAndWithALeadingGroupSeparator() {
        assertThat(Gs1Parser.parse("0109521234543213").first("01")).contains("09521234543213");
        assertThat(Gs1Parser.parse(GS + "0109521234543213" + "21XYZ").first("21")).contains("XYZ");
    }

    @Test
    void readsTheBracketedFormWithAnEscapedBracketInAValue() {
        ElementString es = Gs1Parser.parse("(00)376104250021234569(02)09521234543213(37)24(10)A\\(B");
        assertThat(es.first("02")).contains("09521234543213");
        assertThat(es.elements().get(1).title()).isEqualTo("CONTENT");
        assertThat(es.first("10")).contains("A(B");
        assertThat(es.fnc1Data()).isEqualTo("00376104250021234569" + "020952123454321337" + "24" + GS + "10A(B");
    }

    @Test
    void reportsABadCheckDigitOnTheGtinWithItsPosition() {
        Gs1SyntaxException e = failure("]C10109521234543214");
        assertThat(e.code()).isEqualTo(Gs1Error.BAD_CHECK_DIGIT);
        assertThat(e.ai()).isEqualTo("01");
        assertThat(e.position()).isEqualTo(18);
        assertThat(e.getMessage()).contains("(01)").contains("position 18");
    }

    @Test
    void reportsABadCheckDigitOnTheSsccAndOnContent() {
        assertThat(failure("00376104250021234560").code()).isEqualTo(Gs1Error.BAD_CHECK_DIGIT);
        assertThat(failure("(00)376104250021234569(02)09521234543210(37)1").ai()).isEqualTo("02");
    }

    @Test
    void reportsARedundantSeparatorAfterAFixedLengthAi() {
        Gs1SyntaxException e = failure("]C10109521234543213" + GS + "10ABC");
        assertThat(e.code()).isEqualTo(Gs1Error.REDUNDANT_SEPARATOR);
        assertThat(e.ai()).isEqualTo("01");
        assertThat(e.position()).isEqualTo(19);
    }

    @Test
    void reportsADoubledOrTrailingSeparatorAsRedundant() {
        assertThat(failure("]C110ABC" + GS + GS + "21X").code()).isEqualTo(Gs1Error.REDUNDANT_SEPARATOR);
        assertThat(failure("]C110ABC" + GS).code()).isEqualTo(Gs1Error.REDUNDANT_SEPARATOR);
    }

    @Test
    void toleratesRedundantSeparatorsWhenAskedToLikeTheReferenceEngine() {
        ElementString es = Gs1Parser.tolerant().read("]C10109521234543213" + GS + "10ABC" + GS);
        assertThat(es.first("10")).contains("ABC");
    }

    @Test
    void reportsAMissingSeparatorWhereAVariableLengthValueRunsIntoTheNextAi() {
        // (37) is at most 8 digits, so "1234" followed by a date AI that fits is the tell-tale shape.
        Gs1SyntaxException e = failure("]C10109521234543213" + "371234" + "17261231" + "10ABC");
        assertThat(e.code()).isEqualTo(Gs1Error.MISSING_SEPARATOR);
        assertThat(e.ai()).isEqualTo("37");
    }

    @Test
    void reportsAnUnknownAiWithItsPosition() {
        Gs1SyntaxException e = failure("]C10109521234543213" + "891234");
        assertThat(e.code()).isEqualTo(Gs1Error.UNKNOWN_AI);
        assertThat(e.position()).isEqualTo(19);
    }

    @ParameterizedTest
    @CsvSource({"11,261332", "15,260230", "17,250229", "17,260431"})
    void rejectsImpossibleDates(String ai, String date) {
        Gs1SyntaxException e = failure("(01)09521234543213(" + ai + ")" + date);
        assertThat(e.code()).isEqualTo(Gs1Error.BAD_DATE);
        assertThat(e.ai()).isEqualTo(ai);
    }

    @ParameterizedTest
    @CsvSource({"15,261200", "17,260200", "17,240229"})
    void acceptsDayZeroAsEndOfMonthAndLeapDays(String ai, String date) {
        assertThat(Gs1Parser.parse("(01)09521234543213(" + ai + ")" + date).first(ai)).contains(date);
    }

    @Test
    void reportsLengthAndCharacterFaults() {
        assertThat(failure("]C1010952123454321").code()).isEqualTo(Gs1Error.TOO_SHORT);
        assertThat(failure("(10)ABCDEFGHIJKLMNOPQRSTU").code()).isEqualTo(Gs1Error.TOO_LONG);
        Gs1SyntaxException bad = failure("(10)AB~C");
        assertThat(bad.code()).isEqualTo(Gs1Error.BAD_CHARACTER);
        assertThat(bad.position()).isEqualTo(6);
        assertThat(failure("(01)0952123454321A").code()).isEqualTo(Gs1Error.BAD_CHARACTER);
    }

    @Test
    void reportsEmptyInputAndNonGs1Symbologies() {
        assertThat(failure("").code()).isEqualTo(Gs1Error.EMPTY);
        assertThat(failure("]C1").code()).isEqualTo(Gs1Error.EMPTY);
        assertThat(failure("]C0ABC123").code()).isEqualTo(Gs1Error.NOT_GS1);
        assertThat(failure("]A0ABC").code()).isEqualTo(Gs1Error.NOT_GS1);
    }

    @Test
    void readsAnEan13WithItsCompositeComponent() {
        ElementString es = Gs1Parser.parse("]E09501101530003|]e01726123110LOT7");
        assertThat(es.bracketed()).isEqualTo("(01)09501101530003(17)261231(10)LOT7");
    }

    @Test
    void readsAnEan13ScanAsAGtin() {
        assertThat(Gs1Parser.parse("]E09501101530003").first("01")).contains("09501101530003");
        assertThat(failure("]E09501101530004").code()).isEqualTo(Gs1Error.BAD_CHECK_DIGIT);
    }

    @Test
    void givesDatesWithDayZeroAsTheLastDayOfTheMonth() {
        ElementString es = Gs1Parser.parse("(01)09521234543213(17)260200(11)250315");
        assertThat(es.elements().get(1).dateValue()).contains(java.time.LocalDate.of(2026, 2, 28));
        assertThat(es.elements().get(2).dateValue()).contains(java.time.LocalDate.of(2025, 3, 15));
        assertThat(es.elements().get(0).dateValue()).isEmpty();
        assertThat(DateRules.fullYear(75, 2026)).isEqualTo(2075);
        assertThat(DateRules.fullYear(77, 2026)).isEqualTo(1977);
    }

    @Test
    void appliesTheAssociationRulesOfTheDictionary() {
        Gs1SyntaxException lotAlone = failure("]C110LOT1");
        assertThat(lotAlone.code()).isEqualTo(Gs1Error.MISSING_REQUIRED_AI);
        assertThat(lotAlone.ai()).isEqualTo("10");
        assertThat(failure("(01)09521234543213(02)09521234543213").code()).isEqualTo(Gs1Error.EXCLUSIVE_AIS);
        assertThat(failure("(01)09521234543213(10)A(10)B").code()).isEqualTo(Gs1Error.CONFLICTING_REPEAT);
        assertThat(Gs1Parser.withOptions(Gs1Options.strict().withValidateAssociations(false)).read("]C110LOT1")
                .first("10")).contains("LOT1");
    }

    @Test
    void readsAndWritesGs1DigitalLinkUris() {
        ElementString es = Gs1Parser.parse("https://id.example/01/09520123456788/10/ABC%2F1/21/S1?17=261231&3103=000500");
        assertThat(es.bracketed()).isEqualTo("(01)09520123456788(10)ABC/1(21)S1(17)261231(3103)000500");
        assertThat(es.digitalLinkUri("https://id.example/"))
                .isEqualTo("https://id.example/01/09520123456788/10/ABC%2F1/21/S1?17=261231&3103=000500");
        assertThat(Gs1Parser.parse("(01)09520123456788(21)X").digitalLinkUri())
                .isEqualTo("https://id.gs1.org/01/09520123456788/21/X");
        Gs1SyntaxException noKey = catchThrowableOfType(Gs1SyntaxException.class,
                () -> Gs1Parser.parse("https://id.example/stem/10/ABC"));
        assertThat(noKey.code()).isEqualTo(Gs1Error.BAD_DIGITAL_LINK);
    }

    @Test
    void knowsWhichSymbologiesCarryGs1Data() {
        assertThat(Gs1Parser.isGs1Symbology("]C1")).isTrue();
        assertThat(Gs1Parser.isGs1Symbology("]d2")).isTrue();
        assertThat(Gs1Parser.isGs1Symbology("]Q3")).isTrue();
        assertThat(Gs1Parser.isGs1Symbology("]e0")).isTrue();
        assertThat(Gs1Parser.isGs1Symbology("]J1")).isTrue();
        assertThat(Gs1Parser.isGs1Symbology("]C0")).isFalse();
        assertThat(Gs1Parser.isGs1Symbology("]Q1")).isFalse();
        assertThat(Gs1Parser.isGs1Symbology("")).isFalse();
        assertThat(Gs1Parser.isGs1Symbology(null)).isFalse();
    }
}
