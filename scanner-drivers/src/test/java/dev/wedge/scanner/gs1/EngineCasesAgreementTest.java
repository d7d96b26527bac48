package dev.wedge.scanner.gs1;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the GS1 syntax engine's unit-test vectors (cases.tsv) through Wedge's parser, one adapter per kind that
 * turns Wedge's result into the engine's notation ('^' for FNC1), and asserts agreement on at least 99% of the
 * rows of each kind the issue names. Disagreements are printed; those left are explained in
 * gs1-syntax-engine/README.md.
 */
class EngineCasesAgreementTest {

    private static final Set<String> KINDS = Set.of("parse_bracketed_to_fnc1", "process_fnc1_element_string",
            "lint_bracketed", "validate_ai_associations", "scandata_to_fnc1", "dl_uri_to_fnc1", "bracketed_to_dl_uri");
    private static final String ERROR = "error";
    private static final char GS = '\u001D';

    @Test
    void agreesWithTheReferenceEngineOnAtLeast99PercentOfEachKind() {
        EngineVectors.Tally tally = new EngineVectors.Tally();
        for (EngineVectors.Row row : EngineVectors.read("cases.tsv")) {
            String kind = row.get(3).split(" ")[0];
            if (!KINDS.contains(kind)) {
                continue;
            }
            String input = row.get(0);
            boolean valid = row.get(1).equals("yes");
            String expected = row.get(2);
            Gs1Options options = options(row.get(5), kind.equals("validate_ai_associations"));
            String actual = outcome(() -> run(kind, row.get(3), input, options));
            boolean agrees = valid ? actual.equals(expected) || expected.startsWith("passes") && actual.equals("passes")
                    : agreesOnFailure(kind, expected, actual);
            tally.add(kind, agrees, "'" + input + "' [" + row.get(5) + "] expected '" + expected + "', got '" + actual
                    + "' (" + row.get(7) + ")");
        }
        tally.print("GS1 cases.tsv agreement");
        assertThat(tally.counts.keySet()).containsExactlyInAnyOrderElementsOf(KINDS);
        for (String kind : KINDS) {
            assertThat(tally.ratio(kind)).as("agreement for %s", kind).isGreaterThanOrEqualTo(0.99);
        }
    }

    private static boolean agreesOnFailure(String kind, String expected, String actual) {
        if (kind.equals("lint_bracketed")) {
            return actual.equals(expected);
        }
        if (kind.equals("validate_ai_associations")) {
            String rule = expected.substring("fails ".length());
            return switch (rule) {
                case "validateAIrepeats" -> actual.equals("error CONFLICTING_REPEAT");
                case "validateAImutex" -> actual.equals("error EXCLUSIVE_AIS");
                default -> actual.equals("error MISSING_REQUIRED_AI");
            };
        }
        return actual.startsWith(ERROR);
    }

    private static Gs1Options options(String text, boolean associations) {
        Gs1Options o = Gs1Options.strict().withValidateAssociations(associations)
                .withTolerateRedundantSeparators(true);
        for (String option : text.split(";")) {
            switch (option) {
                case "PermitUnknownAIs=true" -> o = o.withPermitUnknownAis(true);
                case "PermitZeroSuppressedGTINinDLuris=true" -> o = o.withPermitZeroSuppressedGtin(true);
                case "validation.UNKNOWN_AI_NOT_DL_ATTR=false" -> o = o.withUnknownAiAsDlAttribute(true);
                default -> {
                    // The other settings listed are the defaults.
                }
            }
        }
        return o;
    }

    private interface Call {
        String run();
    }

    private static String outcome(Call call) {
        try {
            return call.run();
        } catch (Gs1SyntaxException e) {
            return ERROR + " " + e.code();
        }
    }

    private static String run(String kind, String fullKind, String input, Gs1Options options) {
        Gs1Parser parser = Gs1Parser.withOptions(options);
        return switch (kind) {
            case "parse_bracketed_to_fnc1", "dl_uri_to_fnc1" -> engineData(parser.read(input));
            case "process_fnc1_element_string" -> {
                if (!input.startsWith("^")) {
                    throw new Gs1SyntaxException(Gs1Error.NOT_GS1, null, 0, "no FNC1 in first position");
                }
                yield parser.read(input.replace('^', GS)) == null ? ERROR : "accepted";
            }
            case "lint_bracketed" -> lint(parser, input);
            case "validate_ai_associations" -> {
                parser.read(input);
                yield "passes";
            }
            case "scandata_to_fnc1" -> scanData(parser, input);
            case "bracketed_to_dl_uri" -> {
                String stem = fullKind.contains("(default") ? "https://id.gs1.org"
                        : fullKind.substring(fullKind.indexOf("stem=") + 5);
                yield parser.read(input).digitalLinkUri(stem, options);
            }
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static String engineData(ElementString es) {
        return "^" + es.fnc1Data().replace(GS, '^');
    }

    private static String lint(Gs1Parser parser, String input) {
        try {
            parser.read(input);
            return "GS1_LINTER_OK";
        } catch (Gs1SyntaxException e) {
            return e.lintError() == null ? ERROR + " " + e.code() : e.lintError().referenceName();
        }
    }

    /** Scan data as the engine renders it: GS1 data as '^' FNC1 data, other data as text with '^' escaped. */
    private static String scanData(Gs1Parser parser, String input) {
        int bar = input.indexOf("|]");
        if (bar >= 0) {
            return scanData(parser, input.substring(0, bar)) + "|" + scanData(parser, input.substring(bar + 1));
        }
        if (input.length() < 3 || !input.startsWith("]")) {
            throw new Gs1SyntaxException(Gs1Error.NOT_GS1, null, 0, "no symbology identifier");
        }
        String id = input.substring(0, 3);
        String data = input.substring(3);
        Function<String, String> plain = d -> DigitalLink.hasDigitalLinkScheme(d) ? uri(parser, d) : d.replace("^", "\\^");
        return switch (id) {
            case "]C1", "]e0", "]d2", "]Q3", "]J1" -> engineData(parser.read(input));
            case "]C0", "]d1", "]Q1", "]J0" -> plain.apply(data);
            case "]E0", "]E4" -> {
                parser.read(input);
                yield data;
            }
            default -> throw new Gs1SyntaxException(Gs1Error.NOT_GS1, null, 0, "unknown symbology " + id);
        };
    }

    private static String uri(Gs1Parser parser, String data) {
        parser.read(data);
        return data;
    }
}
