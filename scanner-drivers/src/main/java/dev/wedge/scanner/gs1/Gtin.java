package dev.wedge.scanner.gs1;

/**
 * A Global Trade Item Number, held in its 14-digit form (GTIN-8, -12 and -13 are left-padded with zeros).
 *
 * @param value fourteen digits with a valid check digit
 */
public record Gtin(String value) {

    public Gtin {
        if (value == null || !value.matches("\\d{14}")) {
            throw new IllegalArgumentException("GTIN '" + value + "' is not 14 digits");
        }
        if (!CheckDigit.isValid(value)) {
            throw new IllegalArgumentException("GTIN '" + value + "' has a wrong check digit (expected "
                    + CheckDigit.compute(value.substring(0, 13)) + ")");
        }
    }

    /** Accepts GTIN-8, GTIN-12, GTIN-13 or GTIN-14 and returns it in the 14-digit form. */
    public static Gtin parse(String text) {
        if (text == null || !text.matches("\\d{8}|\\d{12,14}")) {
            throw new IllegalArgumentException("GTIN '" + text + "' is not 8, 12, 13 or 14 digits");
        }
        return new Gtin("0".repeat(14 - text.length()) + text);
    }

    @Override
    public String toString() {
        return value;
    }
}
