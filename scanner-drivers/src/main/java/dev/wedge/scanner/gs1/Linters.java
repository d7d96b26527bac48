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
            Map.entry("hhmi", DateRules::hhmi),
            Map.entry("cset82", v -> CharacterLinters.charSet(v, CharSet.CSET82, LintError.INVALID_CSET82_CHARACTER)),
            Map.entry("cset39", v -> CharacterLinters.charSet(v, CharSet.CSET39, LintError.INVALID_CSET39_CHARACTER)),
            Map.entry("cset64", CharacterLinters::cset64),
            Map.entry("csetnumeric", ValueLinters::digits),
            Map.entry("csumalpha", CharacterLinters::checkPair),
            Map.entry("pcenc", CharacterLinters::percentEncoding),
            Map.entry("importeridx", CharacterLinters::importerIndex),
            Map.entry("iban", CharacterLinters::iban),
            Map.entry("zero", ValueLinters::zero),
            Map.entry("nonzero", ValueLinters::nonZero),
            Map.entry("nozeroprefix", ValueLinters::noZeroPrefix),
            Map.entry("yesno", v -> ValueLinters.oneOf(v, "01", LintError.NOT_ZERO_OR_ONE)),
            Map.entry("winding", v -> ValueLinters.oneOf(v, "019", LintError.INVALID_WINDING_DIRECTION)),
            Map.entry("iso5218", v -> ValueLinters.oneOf(v, "0129", LintError.INVALID_BIOLOGICAL_SEX_CODE)),
            Map.entry("hyphen", ValueLinters::hyphen),
            Map.entry("hasnondigit", ValueLinters::hasNonDigit),
            Map.entry("pieceoftotal", ValueLinters::pieceOfTotal),
            Map.entry("posinseqslash", ValueLinters::positionInSequence),
            Map.entry("latitude", v -> ValueLinters.coordinate(v, 1_800_000_000L, LintError.LATITUDE_INVALID_LENGTH,
                    LintError.INVALID_LATITUDE)),
            Map.entry("longitude", v -> ValueLinters.coordinate(v, 3_600_000_000L, LintError.LONGITUDE_INVALID_LENGTH,
                    LintError.INVALID_LONGITUDE)),
            Map.entry("mediatype", ValueLinters::mediaType),
            Map.entry("iso3166", v -> code(v, CodeLists.ISO3166_NUMERIC.contains(v), LintError.NOT_ISO3166)),
            Map.entry("iso3166999", v -> code(v, v.equals("999") || CodeLists.ISO3166_NUMERIC.contains(v),
                    LintError.NOT_ISO3166_OR_999)),
            Map.entry("iso3166alpha2", v -> code(v, CodeLists.ISO3166_ALPHA2.contains(v), LintError.NOT_ISO3166_ALPHA2)),
            Map.entry("iso4217", v -> code(v, CodeLists.ISO4217_NUMERIC.contains(v), LintError.NOT_ISO4217)),
            Map.entry("gcppos1", v -> ValueLinters.gcpPosition(v, 0)),
            Map.entry("gcppos2", v -> ValueLinters.gcpPosition(v, 1)),
            Map.entry("packagetype", PackageTypes::lint),
            Map.entry("couponcode", CouponLinters::couponCode),
            Map.entry("couponposoffer", CouponLinters::couponPositiveOffer));

    private Linters() {
    }

    /** True when Wedge implements the rule of that name. */
    public static boolean isKnown(String name) {
        return RULES.containsKey(name);
    }

    /**
     * Applies one named rule.
     *
     * @return the failure, or {@code null} when the value passes (company-prefix rules check only the shape of
     *         the prefix: Wedge has no GS1 company prefix data source)
     */
    public static LintFailure apply(String name, String value) {
        Function<String, LintFailure> rule = RULES.get(name);
        return rule == null ? null : rule.apply(value);
    }

    private static LintFailure code(String v, boolean listed, LintError error) {
        return listed ? null : new LintFailure(error, 0, v.length());
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
