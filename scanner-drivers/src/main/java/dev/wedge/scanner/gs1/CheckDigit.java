package dev.wedge.scanner.gs1;

/**
 * The GS1 mod-10 check digit shared by GTIN-8/12/13/14, GLN, SSCC, GSIN and the other numeric keys.
 *
 * <p>Weights alternate 3 and 1 starting from the digit next to the check digit, so the same routine serves
 * every key length. Pure functions; thread-safe.
 */
public final class CheckDigit {

    private CheckDigit() {
    }

    /**
     * Computes the check digit for a string of decimal digits that does not yet carry one.
     *
     * @throws IllegalArgumentException if {@code digits} is empty or contains a non-digit
     */
    public static int compute(CharSequence digits) {
        if (digits.length() == 0) {
            throw new IllegalArgumentException("cannot compute a GS1 check digit of an empty string");
        }
        int sum = 0;
        int weight = 3;
        for (int i = digits.length() - 1; i >= 0; i--) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(
                        "'" + digits + "' has a non-digit '" + c + "' at position " + (i + 1));
            }
            sum += (c - '0') * weight;
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }

    /** True when {@code key} is all digits, at least two long, and its last digit is the right check digit. */
    public static boolean isValid(CharSequence key) {
        if (key.length() < 2) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        int last = key.charAt(key.length() - 1) - '0';
        return compute(key.subSequence(0, key.length() - 1)) == last;
    }
}
