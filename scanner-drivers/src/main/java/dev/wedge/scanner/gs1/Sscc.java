package dev.wedge.scanner.gs1;

/**
 * A Serial Shipping Container Code: the identity of one logistic unit (a pallet or a case).
 *
 * <p>Layout: an extension digit, the GS1 company prefix, a serial reference (together 17 digits), then the
 * mod-10 check digit.
 *
 * @param value eighteen digits with a valid check digit
 */
public record Sscc(String value) {

    public Sscc {
        if (value == null || !value.matches("\\d{18}")) {
            throw new IllegalArgumentException("SSCC '" + value + "' is not 18 digits");
        }
        if (!CheckDigit.isValid(value)) {
            throw new IllegalArgumentException("SSCC '" + value + "' has a wrong check digit (expected "
                    + CheckDigit.compute(value.substring(0, 17)) + ")");
        }
    }

    /**
     * Builds the SSCC for a serial reference under a company prefix.
     *
     * @param extensionDigit 0-9, chosen by the company to widen its serial range
     * @param companyPrefix  the GS1 company prefix, 6 to 12 digits
     * @param serial         the serial reference; must fit in {@code 16 - companyPrefix.length()} digits
     * @throws IllegalArgumentException naming the part that does not fit
     */
    public static Sscc of(int extensionDigit, String companyPrefix, long serial) {
        if (extensionDigit < 0 || extensionDigit > 9) {
            throw new IllegalArgumentException("SSCC extension digit " + extensionDigit + " is not 0-9");
        }
        if (companyPrefix == null || !companyPrefix.matches("\\d{6,12}")) {
            throw new IllegalArgumentException("GS1 company prefix '" + companyPrefix + "' is not 6 to 12 digits");
        }
        int serialDigits = 16 - companyPrefix.length();
        String serialText = Long.toString(serial);
        if (serial < 0 || serialText.length() > serialDigits) {
            throw new IllegalArgumentException("SSCC serial reference " + serial + " does not fit in "
                    + serialDigits + " digits after company prefix " + companyPrefix);
        }
        String body = extensionDigit + companyPrefix + "0".repeat(serialDigits - serialText.length()) + serialText;
        return new Sscc(body + CheckDigit.compute(body));
    }

    @Override
    public String toString() {
        return value;
    }
}
