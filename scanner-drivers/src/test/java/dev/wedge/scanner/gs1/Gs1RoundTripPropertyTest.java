package dev.wedge.scanner.gs1;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class Gs1RoundTripPropertyTest {

    private static final String CSET82 =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    private static String withCheckDigit(String body) {
        return body + CheckDigit.compute(body);
    }

    private static Arbitrary<String> digits(int n) {
        return Arbitraries.strings().withCharRange('0', '9').ofLength(n);
    }

    private static Arbitrary<String> cset82(int max) {
        return Arbitraries.strings().withChars(CSET82.toCharArray()).ofMinLength(1).ofMaxLength(max);
    }

    private static Arbitrary<String> date() {
        return Combinators.combine(Arbitraries.integers().between(0, 99), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(0, 28)).as((y, m, d) -> String.format("%02d%02d%02d", y, m, d));
    }

    private static Arbitrary<Optional<AiElement>> maybe(String ai, Arbitrary<String> values) {
        return values.map(v -> AiElement.of(ai, v)).optional();
    }

    /** Element strings that are valid by construction: a trade item with its usual attributes, or a pallet. */
    @Provide
    Arbitrary<List<AiElement>> validElementStrings() {
        Arbitrary<List<AiElement>> tradeItem = Combinators.combine(
                digits(13).map(Gs1RoundTripPropertyTest::withCheckDigit).map(g -> AiElement.of("01", g)),
                maybe("10", cset82(20)), maybe("21", cset82(20)), maybe("17", date()), maybe("11", date()),
                Combinators.combine(Arbitraries.integers().between(0, 5), digits(6))
                        .as((n, v) -> AiElement.of("310" + n, v)).optional(),
                maybe("30", digits(8).map(s -> s.replaceFirst("^0+(?=.)", ""))))
                .as((gtin, lot, serial, expiry, produced, weight, count) -> {
                    List<AiElement> list = new ArrayList<>(List.of(gtin));
                    for (Optional<AiElement> e : List.of(lot, expiry, serial, weight, produced, count)) {
                        e.ifPresent(list::add);
                    }
                    return list;
                });
        Arbitrary<List<AiElement>> pallet = Combinators.combine(
                digits(17).map(Gs1RoundTripPropertyTest::withCheckDigit).map(s -> AiElement.of("00", s)),
                digits(13).map(Gs1RoundTripPropertyTest::withCheckDigit).map(g -> AiElement.of("02", g)),
                Arbitraries.integers().between(1, 99_999_999).map(n -> AiElement.of("37", Integer.toString(n))),
                maybe("400", cset82(30)))
                .as((sscc, content, count, order) -> {
                    List<AiElement> list = new ArrayList<>(List.of(sscc, content, count));
                    order.ifPresent(list::add);
                    return list;
                });
        return Arbitraries.oneOf(tradeItem, pallet);
    }

    private static Map<String, String> asMap(List<AiElement> elements) {
        Map<String, String> map = new LinkedHashMap<>();
        elements.forEach(e -> map.put(e.ai(), e.value()));
        return map;
    }

    @Property(tries = 300)
    void everyValidElementStringParsesBackFromItsBracketedForm(@ForAll("validElementStrings") List<AiElement> elements) {
        ElementString es = new ElementString(elements);
        assertThat(Gs1Parser.parse(es.bracketed()).elements()).isEqualTo(elements);
    }

    @Property(tries = 300)
    void everyValidElementStringParsesBackFromItsFnc1Data(@ForAll("validElementStrings") List<AiElement> elements) {
        ElementString es = new ElementString(elements);
        assertThat(Gs1Parser.parse("]C1" + es.fnc1Data()).elements()).isEqualTo(elements);
        assertThat(Gs1Parser.parse("]d2" + es.fnc1Data()).elements()).isEqualTo(elements);
    }

    @Property(tries = 300)
    void everyValidElementStringParsesBackFromItsDigitalLinkUri(@ForAll("validElementStrings") List<AiElement> elements) {
        ElementString es = new ElementString(elements);
        // A URI puts the key and its qualifiers in the path and the rest in the query, so the order may change.
        assertThat(asMap(Gs1Parser.parse(es.digitalLinkUri("https://id.example.com/a")).elements()))
                .containsExactlyInAnyOrderEntriesOf(asMap(elements));
    }

    @Property(tries = 1000)
    void randomTextGivesAResultOrATypedErrorOnly(@ForAll String text) {
        for (Gs1Parser parser : List.of(Gs1Parser.strict(), Gs1Parser.tolerant())) {
            for (String input : List.of(text, "]C1" + text, "(" + text, "https://a/01/" + text, "]E0" + text)) {
                Throwable thrown = catchThrowable(() -> parser.read(input));
                assertThat(thrown).as("parsing '%s'", input).satisfiesAnyOf(
                        t -> assertThat(t).isNull(),
                        t -> assertThat(t).isInstanceOf(Gs1SyntaxException.class));
            }
        }
    }

    @Property(tries = 1000)
    void randomBytesGiveAResultOrATypedErrorOnly(@ForAll byte[] bytes) {
        String input = new String(bytes, StandardCharsets.ISO_8859_1);
        Throwable thrown = catchThrowable(() -> Gs1Parser.parse(input));
        assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(),
                t -> assertThat(t).isInstanceOf(Gs1SyntaxException.class));
    }

    @Property(tries = 500)
    void almostValidScansGiveAResultOrATypedErrorOnly(@ForAll("validElementStrings") List<AiElement> elements,
                                                      @ForAll int cut, @ForAll char inserted) {
        String data = new ElementString(elements).fnc1Data();
        int at = Math.floorMod(cut, data.length() + 1);
        for (String input : List.of(data.substring(0, at), data.substring(0, at) + inserted + data.substring(at))) {
            Throwable thrown = catchThrowable(() -> Gs1Parser.parse("]C1" + input));
            assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(),
                    t -> assertThat(t).isInstanceOf(Gs1SyntaxException.class));
        }
    }
}
