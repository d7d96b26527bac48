package dev.wedge.scanner.gs1;

import java.util.Map;
import java.util.function.Function;

/**
 * The content rules that the syntax dictionary names after a component ("csum", "yymmd0", "iso3166"...).
 * Each takes the component's characters, already checked against its character set and length, and returns
 * {@code null} when they pass. Pure functions; thread-safe.
 */
public final class Linters {

    private static final Map<String, Function<String, LintFailure>> RULES = Map.ofEntries(
            Map.entry("csum", Linters::csum),
            Map.entry("yymmdd", v -> DateRules.yymmdd(v, false)),
            Map.entry("yymmd0", v -> DateRules.yymmdd(v, true)),
            Map.entry("yyyymmdd", v -> DateRules.yyyymmdd(v, false)),
            Map.entry("yyyymmd0", v -> DateRules.yyyymmdd(v, true)),
            Map.entry("hh", DateRules::hh),
            Map.entry("mi", DateRules::mi),
            Map.entry("ss", DateRules::ss),
            Map.entry("hhmi", DateRules::hhmi));

    private Linters() {
    }

    /** True when Wedge implements the rule of that name. */
    public static boolean isKnown(String name) {
        return RULES.containsKey(name);
    }

    /**
     * Applies one named rule.
     *
     * @return the failure, or {@code null} when the value passes or the rule only concerns company-prefix
     *         look-ups that need an external data source
     */
    public static LintFailure apply(String name, String value) {
        Function<String, LintFailure> rule = RULES.get(name);
        return rule == null ? null : rule.apply(value);
    }

    static LintFailure csum(String v) {
        int bad = CharSet.NUMERIC.firstInvalid(v);
        if (bad >= 0) {
            return new LintFailure(LintError.NON_DIGIT_CHARACTER, bad, bad + 1);
        }
        if (v.isEmpty()) {
            return new LintFailure(LintError.TOO_SHORT_FOR_CHECK_DIGIT, 0, 0);
        }
        if (v.length() == 1) {
            return v.charAt(0) == '0' ? null : new LintFailure(LintError.INCORRECT_CHECK_DIGIT, 0, 1);
        }
        return CheckDigit.isValid(v) ? null
                : new LintFailure(LintError.INCORRECT_CHECK_DIGIT, v.length() - 1, v.length());
    }
}
