package dev.wedge.scanner.gs1;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every row of the GS1 syntax engine's component linter tests (lint_cases.tsv) through Wedge's linters and
 * asserts agreement on the outcome and, where the row gives one, on the marked span. Leftover disagreements are
 * explained in gs1-syntax-engine/README.md.
 */
class LintCasesAgreementTest {

    /**
     * Rows that exercise the reference engine's pluggable GS1 company prefix look-up (a data source that is
     * offline, or one that says a well-formed all-digit prefix is not allocated). Wedge has no such data source,
     * so these rows cannot apply; they are counted apart and listed.
     */
    static boolean needsCompanyPrefixDataSource(String expected, String markup) {
        if (expected.equals("GS1_LINTER_GCP_DATASOURCE_OFFLINE")) {
            return true;
        }
        if (!expected.equals("GS1_LINTER_INVALID_GCP_PREFIX")) {
            return false;
        }
        int a = markup.indexOf('*');
        int b = markup.indexOf('*', a + 1);
        return a >= 0 && b > a + 1 && markup.substring(a + 1, b).chars().allMatch(Character::isDigit);
    }

    @Test
    void agreesWithTheReferenceLintersOnAtLeast99PercentOfEachLinter() {
        EngineVectors.Tally tally = new EngineVectors.Tally();
        for (EngineVectors.Row row : EngineVectors.read("lint_cases.tsv")) {
            String linter = row.get(0).replaceFirst("^gs1_lint_", "");
            String input = row.get(1);
            String expected = row.get(3);
            String markup = row.get(4);
            if (needsCompanyPrefixDataSource(expected, markup)) {
                tally.add("(needs a GCP data source)", true, "");
                System.out.println("  NOT APPLICABLE " + linter + " '" + input + "' expects " + expected + " ("
                        + row.get(5) + ")");
                continue;
            }
            LintFailure failure = Linters.apply(linter, input);
            String actual = failure == null ? "GS1_LINTER_OK" : failure.error().referenceName();
            String actualMarkup = failure == null ? "" : input.substring(0, failure.start()) + "*"
                    + input.substring(failure.start(), failure.end()) + "*" + input.substring(failure.end());
            boolean agrees = actual.equals(expected) && (markup.isEmpty() || markup.equals(actualMarkup));
            tally.add(linter, agrees, "'" + input + "' expected " + expected + " " + markup + ", got " + actual + " "
                    + actualMarkup + " (" + row.get(5) + ")");
        }
        tally.print("GS1 lint_cases.tsv agreement");
        for (String linter : tally.counts.keySet()) {
            if (linter.startsWith("(")) {
                continue;
            }
            assertThat(Linters.isKnown(linter)).as("linter %s is implemented", linter).isTrue();
            assertThat(tally.ratio(linter)).as("agreement for %s", linter).isGreaterThanOrEqualTo(0.99);
        }
    }
}
