package dev.wedge.scanner.wedge;

/**
 * One key as the handheld web app saw it: the character typed, and whether Alt was held. Scanners that cannot
 * type a control character send Alt plus its decimal code on the numeric keypad (Alt+0029 for GS).
 *
 * @param character the character of the key (a keypad digit for Alt codes)
 * @param altHeld   whether the Alt key was down
 */
public record KeyStroke(char character, boolean altHeld) {

    /** A plain key. */
    public static KeyStroke key(char c) {
        return new KeyStroke(c, false);
    }

    /** The keypad digits of an Alt code, e.g. {@code altCode("0029")}. */
    public static KeyStroke[] altCode(String digits) {
        if (digits == null || !digits.matches("\\d{1,4}")) {
            throw new IllegalArgumentException("Alt code '" + digits + "' is not 1 to 4 digits");
        }
        KeyStroke[] keys = new KeyStroke[digits.length()];
        for (int i = 0; i < digits.length(); i++) {
            keys[i] = new KeyStroke(digits.charAt(i), true);
        }
        return keys;
    }
}
