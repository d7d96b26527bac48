package dev.wedge.scanner.gs1;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses GS1 data as scanners deliver it: FNC1 data with GS (ASCII 29) separators, with or without a leading
 * AIM symbology identifier ({@code ]C1} GS1-128, {@code ]e0} DataBar, {@code ]d2} DataMatrix, {@code ]Q3} QR,
 * {@code ]J1} DotCode) or leading GS, and the bracketed human-readable form {@code (01)...(10)...}.
 *
 * <p>The default parser is strict: a GS right after a pre-defined-length AI, a doubled GS or a GS ending the
 * data is a {@link Gs1Error#REDUNDANT_SEPARATOR}. {@link #tolerant()} accepts those, as the GS1 reference engine
 * does. Instances are immutable and thread-safe.
 */
public final class Gs1Parser {

    private static final Set<String> GS1_SYMBOLOGIES = Set.of("]C1", "]e0", "]d2", "]Q3", "]J1");
    private static final Gs1Parser STRICT = new Gs1Parser(AiDictionary.standard(), Gs1Options.strict());
    private static final Gs1Parser TOLERANT = new Gs1Parser(AiDictionary.standard(),
            Gs1Options.strict().withTolerateRedundantSeparators(true));
    private static final char GS = ElementString.GS;

    private final AiDictionary dictionary;
    private final Gs1Options options;
    private final boolean tolerateSeparators;

    private Gs1Parser(AiDictionary dictionary, Gs1Options options) {
        this.dictionary = dictionary;
        this.options = options;
        this.tolerateSeparators = options.tolerateRedundantSeparators();
    }

    /** A parser over the standard dictionary with these options. */
    public static Gs1Parser withOptions(Gs1Options options) {
        return new Gs1Parser(AiDictionary.standard(), java.util.Objects.requireNonNull(options, "options"));
    }

    /** The options this parser applies. */
    public Gs1Options options() {
        return options;
    }

    /** The strict parser over the standard dictionary. */
    public static Gs1Parser strict() {
        return STRICT;
    }

    /** A parser that, like the GS1 reference engine, ignores redundant GS separators; otherwise strict. */
    public static Gs1Parser tolerant() {
        return TOLERANT;
    }

    /**
     * Parses with the strict parser.
     *
     * @throws Gs1SyntaxException naming the fault, the AI and the position; never another exception for any input
     */
    public static ElementString parse(String text) {
        return STRICT.read(text);
    }

    /** True for the AIM identifiers whose symbols carry GS1 element strings: ]C1, ]e0, ]d2, ]Q3, ]J1. */
    public static boolean isGs1Symbology(String symbology) {
        return symbology != null && GS1_SYMBOLOGIES.contains(symbology);
    }

    /**
     * Parses one input; see the class description for the accepted forms, plus GS1 Digital Link URIs
     * ({@code https://id.example/01/09520123456788/10/ABC?17=261231}).
     *
     * @throws Gs1SyntaxException naming the fault, the AI and the position; never another exception for any input
     */
    public ElementString read(String text) {
        if (text == null || text.isEmpty()) {
            throw new Gs1SyntaxException(Gs1Error.EMPTY, null, 0, "there is no data to parse");
        }
        Positioned parsed;
        if (text.charAt(0) == ']') {
            parsed = readScan(text);
        } else if (text.charAt(0) == '(') {
            parsed = BracketedForm.read(text, this);
        } else if (DigitalLink.looksLikeUri(text)) {
            parsed = DigitalLink.parse(text, this);
        } else {
            parsed = readFnc1(text, text.charAt(0) == GS ? 1 : 0);
        }
        if (options.validateAssociations()) {
            Associations.validate(parsed.elements(), parsed.positions(), dictionary);
        }
        return new ElementString(parsed.elements());
    }

    /** Elements with the input position where each starts, for association errors. */
    record Positioned(List<AiElement> elements, List<Integer> positions) {
        Positioned shifted(int by) {
            return new Positioned(elements, positions.stream().map(p -> p + by).toList());
        }
    }

    private Positioned readScan(String text) {
        if (text.length() < 3) {
            throw new Gs1SyntaxException(Gs1Error.NOT_GS1, null, 0,
                    "symbology identifier '" + printable(text) + "' is shorter than three characters");
        }
        String symbology = text.substring(0, 3);
        int composite = text.indexOf("|]e0");
        if ((symbology.equals("]E0") || symbology.equals("]E4")) && composite > 0) {
            // An EAN/UPC with a GS1 Composite component: the scanner sends both parts, joined by '|'.
            Positioned linear = readEanUpc(text.substring(0, composite), symbology);
            Positioned component = readScan(text.substring(composite + 1)).shifted(composite + 1);
            List<AiElement> elements = new ArrayList<>(linear.elements());
            elements.addAll(component.elements());
            List<Integer> positions = new ArrayList<>(linear.positions());
            positions.addAll(component.positions());
            return new Positioned(elements, positions);
        }
        if (symbology.equals("]E0") || symbology.equals("]E4")) {
            return readEanUpc(text, symbology);
        }
        if (!isGs1Symbology(symbology) && DigitalLink.hasDigitalLinkScheme(text.substring(3))) {
            return DigitalLink.parse(text.substring(3), this).shifted(3);
        }
        if (!isGs1Symbology(symbology)) {
            throw new Gs1SyntaxException(Gs1Error.NOT_GS1, null, 0,
                    "symbology identifier '" + printable(symbology) + "' does not mark GS1 data");
        }
        if (text.length() == 3) {
            throw new Gs1SyntaxException(Gs1Error.EMPTY, null, 3, "no GS1 data after " + symbology);
        }
        return readFnc1(text, 3);
    }

    private Positioned readEanUpc(String text, String symbology) {
        String digits = text.substring(3);
        int length = symbology.equals("]E0") ? 13 : 8;
        int bad = CharSet.NUMERIC.firstInvalid(digits);
        if (bad >= 0) {
            throw new Gs1SyntaxException(Gs1Error.BAD_CHARACTER, "01", 3 + bad, "EAN/UPC data '" + printable(digits)
                    + "' has a non-digit");
        }
        if (digits.length() != length) {
            throw new Gs1SyntaxException(digits.length() < length ? Gs1Error.TOO_SHORT : Gs1Error.TOO_LONG, "01", 3,
                    symbology + " carries " + length + " digits, this has " + digits.length());
        }
        if (!CheckDigit.isValid(digits)) {
            throw new Gs1SyntaxException(Gs1Error.BAD_CHECK_DIGIT, "01", 3 + length - 1,
                    "EAN/UPC '" + digits + "' has a wrong check digit");
        }
        String gtin = "0".repeat(14 - length) + digits;
        return new Positioned(List.of(element("01", gtin)), List.of(3));
    }

    Positioned readFnc1(String data, int start) {
        if (start >= data.length()) {
            throw new Gs1SyntaxException(Gs1Error.EMPTY, null, start, "no AIs after the FNC1");
        }
        List<AiElement> elements = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        int pos = start;
        while (pos < data.length()) {
            if (data.charAt(pos) == GS) {
                if (!tolerateSeparators) {
                    throw new Gs1SyntaxException(Gs1Error.REDUNDANT_SEPARATOR, null, pos,
                            "a GS separator here follows no variable-length value");
                }
                pos++;
                continue;
            }
            positions.add(pos);
            pos = readElement(data, pos, elements, true);
        }
        if (elements.isEmpty()) {
            throw new Gs1SyntaxException(Gs1Error.EMPTY, null, start, "the data holds only separators");
        }
        return new Positioned(elements, positions);
    }

    /** Reads one element at {@code pos}, appends it and returns the position after it (and after its separator). */
    private int readElement(String data, int pos, List<AiElement> out, boolean diagnose) {
        AiDefinition def = dictionary.atStart(data, pos);
        if (def == null) {
            throw unknownAi(data, pos);
        }
        int valueStart = pos + def.ai().length();
        if (def.predefinedLength()) {
            int end = valueStart + def.maxLength();
            int gs = data.indexOf(GS, valueStart);
            int available = (gs < 0 ? data.length() : gs) - valueStart;
            if (available < def.maxLength()) {
                String value = data.substring(valueStart, valueStart + available);
                FieldCheck.check(def, value, valueStart);
                throw new Gs1SyntaxException(Gs1Error.TOO_SHORT, def.ai(), valueStart + available, "value '"
                        + printable(value) + "' is too short: (" + def.ai() + ") takes " + def.maxLength() + " characters");
            }
            FieldCheck.check(def, data.substring(valueStart, end), valueStart);
            out.add(new AiElement(def.ai(), data.substring(valueStart, end), def.title()));
            if (end < data.length() && data.charAt(end) == GS && !tolerateSeparators) {
                throw new Gs1SyntaxException(Gs1Error.REDUNDANT_SEPARATOR, def.ai(), end,
                        "(" + def.ai() + ") has a pre-defined length and takes no GS separator after it");
            }
            return end;
        }
        int gs = data.indexOf(GS, valueStart);
        int end = gs < 0 ? data.length() : gs;
        String value = data.substring(valueStart, end);
        if (value.isEmpty()) {
            throw new Gs1SyntaxException(Gs1Error.TOO_SHORT, def.ai(), valueStart,
                    "(" + def.ai() + ") has no value");
        }
        try {
            FieldCheck.check(def, value, valueStart);
        } catch (Gs1SyntaxException e) {
            if (diagnose && (e.code() == Gs1Error.TOO_LONG || e.code() == Gs1Error.BAD_CHARACTER)) {
                missingSeparator(data, def, valueStart, end, e);
            }
            throw e;
        }
        out.add(new AiElement(def.ai(), value, def.title()));
        if (gs >= 0 && gs == data.length() - 1 && !tolerateSeparators) {
            throw new Gs1SyntaxException(Gs1Error.REDUNDANT_SEPARATOR, def.ai(), gs, "a GS separator ends the data");
        }
        return gs < 0 ? end : gs + 1;
    }

    /**
     * When a variable-length value is too long or holds a bad character, looks for the split where the rest
     * reads as valid element strings: then the real fault is a missing GS, and that is reported instead.
     */
    private void missingSeparator(String data, AiDefinition def, int valueStart, int end, Gs1SyntaxException cause) {
        int limit = Math.min(def.maxLength(), Math.min(cause.position(), end) - valueStart);
        for (int k = limit; k >= Math.max(1, def.minLength()); k--) {
            try {
                FieldCheck.check(def, data.substring(valueStart, valueStart + k), valueStart);
                List<AiElement> rest = new ArrayList<>();
                int p = valueStart + k;
                while (p < data.length()) {
                    p = data.charAt(p) == GS ? p + 1 : readElement(data, p, rest, false);
                }
            } catch (Gs1SyntaxException notHere) {
                continue;
            }
            throw new Gs1SyntaxException(Gs1Error.MISSING_SEPARATOR, def.ai(), valueStart + k, "(" + def.ai()
                    + ") is variable-length, so a GS separator must end it before the next AI "
                    + printable(data.substring(valueStart + k, Math.min(data.length(), valueStart + k + 4))) + "...");
        }
    }

    private Gs1SyntaxException unknownAi(String data, int pos) {
        String shown = data.substring(pos, Math.min(data.length(), pos + 4));
        return new Gs1SyntaxException(Gs1Error.UNKNOWN_AI, null, pos,
                "no Application Identifier starts with '" + printable(shown) + "'");
    }

    AiElement element(String ai, String value) {
        return new AiElement(ai, value, dictionary.lookup(ai).map(AiDefinition::title).orElse(""));
    }

    /** The definition of an AI, or for a well-formed unknown AI when those are permitted, a CSET 82 stand-in. */
    AiDefinition definition(String ai, int position) {
        java.util.Optional<AiDefinition> known = dictionary.lookup(ai);
        if (known.isPresent()) {
            return known.get();
        }
        if (options.permitUnknownAis() && ai.matches("\\d{2,4}") && dictionary.atStart(ai, 0) == null) {
            return new AiDefinition(ai, false, false, List.of(new AiComponent(CharSet.CSET82, 1, 90, false, List.of())),
                    List.of(), List.of(), null, "");
        }
        throw new Gs1SyntaxException(Gs1Error.UNKNOWN_AI, ai, position, "(" + ai + ") is not an Application Identifier");
    }

    AiDictionary dictionary() {
        return dictionary;
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == GS) {
                sb.append("<GS>");
            } else if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("<%02X>", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
