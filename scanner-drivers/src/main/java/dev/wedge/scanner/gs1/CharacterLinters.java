package dev.wedge.scanner.gs1;

import java.math.BigInteger;

/** Content rules over characters: the character sets, percent-encoding, importer index, check pair, IBAN. */
final class CharacterLinters {

    private static final String CSET32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String CSET82_ORDER =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static final int[] PRIMES = primes(97);

    private CharacterLinters() {
    }

    static LintFailure charSet(String v, CharSet set, LintError error) {
        int bad = set.firstInvalid(v);
        return bad < 0 ? null : new LintFailure(error, bad, bad + 1);
    }

    /** CSET 64 with '=' padding: at most two, only at the end, so that data and padding fill a group of three. */
    static LintFailure cset64(String v) {
        int pad = v.length();
        while (pad > 0 && v.charAt(pad - 1) == '=') {
            pad--;
        }
        for (int i = 0; i < pad; i++) {
            char c = v.charAt(i);
            if (c == '=' || !CharSet.CSET64.contains(c)) {
                return new LintFailure(LintError.INVALID_CSET64_CHARACTER, i, i + 1);
            }
        }
        int padding = v.length() - pad;
        if (padding > 0 && (padding > 2 || pad == 0 || pad % 4 + padding != 3)) {
            return new LintFailure(LintError.INVALID_CSET64_PADDING, pad, v.length());
        }
        return null;
    }

    static LintFailure percentEncoding(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) == '%') {
                if (i + 2 >= v.length() || !isHex(v.charAt(i + 1)) || !isHex(v.charAt(i + 2))) {
                    return new LintFailure(LintError.INVALID_PERCENT_SEQUENCE, i, Math.min(v.length(), i + 3));
                }
                i += 2;
            }
        }
        return null;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    static LintFailure importerIndex(String v) {
        if (v.length() != 1) {
            return new LintFailure(LintError.IMPORTER_IDX_MUST_BE_ONE_CHARACTER, 0, v.length());
        }
        char c = v.charAt(0);
        boolean ok = c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
        return ok ? null : new LintFailure(LintError.INVALID_IMPORT_IDX_CHARACTER, 0, 1);
    }

    /** The GS1 alphanumeric check character pair (GMN, MUDI): prime-weighted sum modulo 1021 in CSET 32. */
    static LintFailure checkPair(String v) {
        LintFailure cset = charSet(v.substring(0, Math.max(0, v.length() - 2)), CharSet.CSET82,
                LintError.INVALID_CSET82_CHARACTER);
        if (cset != null) {
            return cset;
        }
        if (v.length() < 2) {
            return new LintFailure(LintError.TOO_SHORT_FOR_CHECK_PAIR, 0, v.length());
        }
        int n = v.length() - 2;
        if (n > PRIMES.length) {
            return new LintFailure(LintError.TOO_LONG_FOR_CHECK_PAIR_IMPLEMENTATION, 0, v.length());
        }
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += CSET82_ORDER.indexOf(v.charAt(i)) * PRIMES[n - 1 - i];
        }
        sum %= 1021;
        boolean ok = v.charAt(n) == CSET32.charAt(sum >> 5) && v.charAt(n + 1) == CSET32.charAt(sum & 31);
        return ok ? null : new LintFailure(LintError.INCORRECT_CHECK_PAIR, n, v.length());
    }

    private static int[] primes(int count) {
        int[] p = new int[count];
        int found = 0;
        for (int candidate = 2; found < count; candidate++) {
            boolean prime = true;
            for (int d = 2; d * d <= candidate; d++) {
                if (candidate % d == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                p[found++] = candidate;
            }
        }
        return p;
    }

    static LintFailure iban(String v) {
        if (v.length() < 5) {
            return new LintFailure(LintError.IBAN_TOO_SHORT, 0, v.length());
        }
        if (v.length() > 34) {
            return new LintFailure(LintError.IBAN_TOO_LONG, 0, v.length());
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = i < 2 ? c >= 'A' && c <= 'Z' : c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
            if (!ok) {
                return new LintFailure(LintError.INVALID_IBAN_CHARACTER, i, i + 1);
            }
        }
        if (!CodeLists.IBAN_COUNTRIES.contains(v.substring(0, 2))) {
            return new LintFailure(LintError.ILLEGAL_IBAN_COUNTRY_CODE, 0, 2);
        }
        // The shortest IBAN of any country (Norway's) has 15 characters; the country's own length is not enforced,
        // as the reference linter does not enforce it either.
        if (v.length() < 15) {
            return new LintFailure(LintError.IBAN_TOO_SHORT, 0, v.length());
        }
        StringBuilder digits = new StringBuilder();
        String rearranged = v.substring(4) + v.substring(0, 4);
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            digits.append(c <= '9' ? String.valueOf(c) : Integer.toString(c - 'A' + 10));
        }
        boolean ok = new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
        return ok ? null : new LintFailure(LintError.INCORRECT_IBAN_CHECKSUM, 2, 4);
    }
}
