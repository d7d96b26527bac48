package dev.wedge.label.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wedge.label.model.Dpi;
import dev.wedge.label.model.Label;
import dev.wedge.label.model.LabelElement;
import dev.wedge.label.zpl.Code128Data;
import dev.wedge.label.zpl.MatrixData;
import dev.wedge.label.zpl.ParsedField;
import dev.wedge.label.zpl.ParsedLabel;
import dev.wedge.label.zpl.ZplLabelWriter;
import dev.wedge.label.zpl.ZplReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile values through every template: the ZPL read back must hold exactly one label whose fields, in order,
 * say what the values say.
 */
class TemplateFuzzTest {

    private static final String[] INJECTIONS = {"^XZ^XA", "~JR", "_04", "\\", "\\&", "^FS", "~HS", "^XA^FO0,0^GB800,800,800^FS^XZ",
        "~JA", "^CC~", "~CT^", "_5E", "{sscc}", "^FH\\^FD", ">8>;", "\u0000", "\r\n", "Zoë Ørsted-Müller", "😀", "İstanbul"};
    private static final String SPECIAL = "^~_\\&>\"',;:{}$%";

    private final Random random = new Random(4L);
    private final ZplReader reader = new ZplReader();
    private final ZplLabelWriter writer = new ZplLabelWriter();

    @Test
    void everyTemplateReadsBackExactlyTheIntendedTextForTenThousandHostileValues() {
        TemplateLibrary library = TemplateLibrary.builtIn();
        int fuzzed = 0;
        for (LabelTemplate template : library.all()) {
            for (int i = 0; i < 1000; i++) {
                Map<String, String> values = new HashMap<>(SampleValues.of(template.name()));
                for (TemplateVariable v : template.variables()) {
                    String value = hostile(v);
                    if (value != null) {
                        values.put(v.name(), value);
                        fuzzed++;
                    }
                }
                check(template, values, Dpi.values()[i % 3]);
            }
        }
        assertThat(fuzzed).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void everyTemplatePrintsEachSpecialControlAndSampleNonAsciiCharacterAsText() {
        StringBuilder chars = new StringBuilder("^~_\\&>{}");
        for (char c = 0; c < 0x20; c++) {
            chars.append(c);
        }
        chars.append('\u007F').append("éßØ中\uFEFF\u2028\u00A0").appendCodePoint(0x1F600);
        for (LabelTemplate template : TemplateLibrary.builtIn().all()) {
            chars.codePoints().forEach(cp -> {
                Map<String, String> values = new HashMap<>(SampleValues.of(template.name()));
                String text = "a" + new String(Character.toChars(cp)) + "b";
                template.variables().stream().filter(v -> v.type() == VariableType.TEXT)
                        .forEach(v -> values.put(v.name(), text));
                check(template, values, Dpi.DPI_203);
            });
        }
    }

    private void check(LabelTemplate template, Map<String, String> values, Dpi dpi) {
        Label label = template.fill(values);
        List<ParsedLabel> parsed = reader.read(writer.write(label, dpi));

        assertThat(parsed).as(template.name()).hasSize(1);
        List<String> read = parsed.get(0).fields().stream().map(TemplateFuzzTest::content).toList();
        assertThat(read).as(template.name() + " with " + values).containsExactlyElementsOf(intended(label));
        for (TemplateVariable v : template.variables()) {
            if (v.type() == VariableType.TEXT && values.containsKey(v.name())) {
                String value = values.get(v.name());
                String capped = value.substring(0, value.offsetByCodePoints(0,
                        (int) Math.min(v.max(), value.codePointCount(0, value.length()))));
                assertThat(read).as(v.name()).contains(capped);
            }
        }
    }

    /** What each field of the label should read: texts as they are, barcodes as a scanner reports them. */
    private static List<String> intended(Label label) {
        List<String> texts = new ArrayList<>();
        for (LabelElement e : label.elements()) {
            if (e instanceof LabelElement.Text t) {
                texts.add(t.text());
            } else if (e instanceof LabelElement.TextBlock b) {
                texts.add(b.text());
            } else if (e instanceof LabelElement.Barcode b) {
                texts.add(b.symbology().isGs1() ? Code128Data.gs1Transmitted(b.data())
                        : b.symbology().templateName().equals("ean13") ? b.data().substring(0, 12) : b.data());
            }
        }
        return texts;
    }

    /** A field's content: text as read, barcode data with the symbology's own codes resolved. */
    private static String content(ParsedField field) {
        return switch (field.command()) {
            case "^BC" -> Code128Data.decode(field.text()).data();
            case "^BX" -> MatrixData.decodeDataMatrix(field.text(), MatrixData.DATAMATRIX_ESCAPE).data();
            case "^BQ" -> field.text().substring(field.text().indexOf(',') + 1);
            default -> field.text();
        };
    }

    private String hostile(TemplateVariable v) {
        return switch (v.type()) {
            case TEXT -> text();
            case CODE -> ascii(1 + random.nextInt((int) Math.min(v.max(), 40)));
            case GS1 -> gs1(1 + random.nextInt((int) Math.min(v.max(), 20)));
            default -> null;
        };
    }

    private String text() {
        StringBuilder s = new StringBuilder();
        int parts = 1 + random.nextInt(5);
        for (int p = 0; p < parts; p++) {
            switch (random.nextInt(6)) {
                case 0 -> s.append(INJECTIONS[random.nextInt(INJECTIONS.length)]);
                case 1 -> s.append(SPECIAL.charAt(random.nextInt(SPECIAL.length())));
                case 2 -> s.append((char) random.nextInt(0x20));
                case 3 -> s.appendCodePoint(0xA0 + random.nextInt(0x2F00));
                case 4 -> s.appendCodePoint(0x1F300 + random.nextInt(0x200));
                default -> s.append(ascii(1 + random.nextInt(12)));
            }
        }
        return s.toString();
    }

    private String ascii(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(random.nextInt(4) == 0 ? SPECIAL.charAt(random.nextInt(SPECIAL.length()))
                    : (char) (0x20 + random.nextInt(0x5F)));
        }
        return s.toString();
    }

    private String gs1(int length) {
        String set = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(set.charAt(random.nextInt(set.length())));
        }
        return s.toString();
    }
}
