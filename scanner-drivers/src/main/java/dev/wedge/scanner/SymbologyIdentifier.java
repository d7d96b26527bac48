package dev.wedge.scanner;

/**
 * AIM symbology identifiers (ISO/IEC 15424): three characters {@code ]cm} that a scanner can put before the data,
 * where {@code c} names the symbology (C Code 128, E EAN/UPC, e GS1 DataBar, d Data Matrix, Q QR Code, J DotCode,
 * A Code 39, I ITF, L PDF417, z Aztec...) and {@code m} a modifier (]C1 = GS1-128, ]d2 = GS1 DataMatrix).
 */
public final class SymbologyIdentifier {

    private SymbologyIdentifier() {
    }

    /** The identifier at the start of {@code data}, or "" when it does not start with one. */
    public static String leading(String data) {
        if (data != null && data.length() >= 3 && data.charAt(0) == ']' && isCode(data.charAt(1))
                && isModifier(data.charAt(2))) {
            return data.substring(0, 3);
        }
        return "";
    }

    /** True when {@code s} is exactly one well-formed identifier. */
    public static boolean isIdentifier(String s) {
        return s != null && s.length() == 3 && leading(s).equals(s);
    }

    private static boolean isCode(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean isModifier(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
    }
}
