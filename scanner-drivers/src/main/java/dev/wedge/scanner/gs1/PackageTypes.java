package dev.wedge.scanner.gs1;

/**
 * AI 7041 package type codes. The full code list (UN/ECE Recommendation 21 plus GS1's additions) is not
 * bundled with Wedge, so this checks the shape every code in it has: one to three upper-case letters or digits,
 * not all zero. A well-formed code that is not in the list is accepted.
 */
final class PackageTypes {

    private PackageTypes() {
    }

    static LintFailure lint(String v) {
        boolean shape = v.length() >= 1 && v.length() <= 3 && v.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')
                && !v.chars().allMatch(c -> c == '0');
        return shape ? null : new LintFailure(LintError.INVALID_PACKAGE_TYPE, 0, v.length());
    }
}
