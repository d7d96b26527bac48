package dev.wedge.scanner.gs1;

/** The character sets of the GS1 Barcode Syntax Dictionary ("N", "X", "Y", "Z"). */
public enum CharSet {
    /** Digits 0-9. */
    NUMERIC('N'),
    /** GS1 AI encodable character set 82. */
    CSET82('X'),
    /** GS1 AI encodable character set 39. */
    CSET39('Y'),
    /** GS1 AI encodable character set 64 (base64url with '=' padding). */
    CSET64('Z');

    private static final String CSET82_CHARS =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static final String CSET39_CHARS = "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String CSET64_CHARS =
            "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz=";

    private final char letter;

    CharSet(char letter) {
        this.letter = letter;
    }

    private static final boolean[][] TABLES = tables();

    private static boolean[][] tables() {
        String[] sets = {"0123456789", CSET82_CHARS, CSET39_CHARS, CSET64_CHARS};
        boolean[][] t = new boolean[4][128];
        for (int i = 0; i < 4; i++) {
            for (char c : sets[i].toCharArray()) {
                t[i][c] = true;
            }
        }
        return t;
    }

    /** The dictionary letter for this set. */
    public char letter() {
        return letter;
    }

    static CharSet ofLetter(char letter) {
        for (CharSet set : values()) {
            if (set.letter == letter) {
                return set;
            }
        }
        throw new IllegalArgumentException("'" + letter + "' is not a GS1 dictionary character set (N, X, Y or Z)");
    }

    /** True when {@code c} belongs to this set. */
    public boolean contains(char c) {
        return c < 128 && TABLES[ordinal()][c];
    }

    /** Offset of the first character of {@code s} outside this set, or -1. */
    public int firstInvalid(CharSequence s) {
        boolean[] table = TABLES[ordinal()];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 || !table[c]) {
                return i;
            }
        }
        return -1;
    }
}
