package dev.wedge.label.zpl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field data for ZPL's {@code ^BC} (Code 128), where {@code >} starts an invocation code: {@code >;} starts
 * subset C, {@code >5}/{@code >6} switch to C/B, {@code >8} is FNC1, {@code ><} is a literal {@code >}.
 *
 * <p>GS1-128 data begins with FNC1 in subset C ({@code >;>8}); element strings are packed in subset C where
 * digits pair up and in subset B otherwise, with FNC1 after every variable-length value that is not last.
 * The output still has to go through {@link FieldEncoding#escape} like any other field data. Pure functions.
 */
public final class Code128Data {

    /** The group separator a scanner reports where the symbol has an FNC1 separator. */
    public static final char GS = '\u001D';

    private static final Pattern AI = Pattern.compile("\\((\\d{2,4})\\)");

    private Code128Data() {
    }

    /** What a {@code ^BC} field encodes: whether it starts with FNC1 (GS1-128) and the data characters. */
    public record Content(boolean gs1, String data) {
        public Content {
            if (data == null) {
                throw new IllegalArgumentException("Code 128 content data is null");
            }
        }
    }

    /**
     * Code 128 data in subset B for printable ASCII text.
     *
     * @throws IllegalArgumentException naming the first character Code 128 subset B cannot carry
     */
    public static String subsetB(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("Code 128 data is empty");
        }
        StringBuilder out = new StringBuilder(text.length() + 4).append(">:");
        for (int i = 0; i < text.length(); i++) {
            appendB(out, text.charAt(i), text);
        }
        return out.toString();
    }

    /**
     * GS1-128 data for an element string in the bracketed form, for example {@code (00)012345678901234560} or
     * {@code (02)05412345000013(37)24(10)AB-12}.
     *
     * @throws IllegalArgumentException if the text is not a sequence of (AI)value parts with printable ASCII
     */
    public static String gs1(String bracketed) {
        List<String[]> parts = split(bracketed);
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String ai = parts.get(i)[0];
            plain.append(ai).append(parts.get(i)[1]);
            if (i < parts.size() - 1 && !Gs1Ai.isFixedLength(ai)) {
                plain.append(GS);
            }
        }
        return ">;>8" + pack(plain.toString(), bracketed);
    }

    /** The element string as a scanner sends it after the symbology identifier: AIs, values and GS separators. */
    public static String gs1Transmitted(String bracketed) {
        List<String[]> parts = split(bracketed);
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            plain.append(parts.get(i)[0]).append(parts.get(i)[1]);
            if (i < parts.size() - 1 && !Gs1Ai.isFixedLength(parts.get(i)[0])) {
                plain.append(GS);
            }
        }
        return plain.toString();
    }

    /**
     * Splits the bracketed form into AI and value pairs. A value may hold the GS1 characters ( and ) written as
     * {@code \(} and {@code \)} (see {@link #escapeValue}).
     */
    private static List<String[]> split(String bracketed) {
        if (bracketed == null || bracketed.isEmpty()) {
            throw new IllegalArgumentException("GS1 element string is empty");
        }
        List<String[]> parts = new ArrayList<>();
        int i = 0;
        while (i < bracketed.length()) {
            Matcher ai = AI.matcher(bracketed).region(i, bracketed.length());
            if (!ai.lookingAt()) {
                throw new IllegalArgumentException("GS1 element string '" + bracketed
                        + "' is not in the form (AI)value(AI)value at position " + (i + 1));
            }
            StringBuilder value = new StringBuilder();
            i = ai.end();
            while (i < bracketed.length() && bracketed.charAt(i) != '(') {
                char c = bracketed.charAt(i);
                if (c == '\\' && i + 1 < bracketed.length()) {
                    c = bracketed.charAt(++i);
                }
                value.append(c);
                i++;
            }
            if (value.length() == 0) {
                throw new IllegalArgumentException("GS1 element string '" + bracketed + "' has an empty value for AI ("
                        + ai.group(1) + ")");
            }
            parts.add(new String[] {ai.group(1), value.toString()});
        }
        return parts;
    }

    /** Writes a value for the bracketed form: ( ) and \ are preceded by a backslash. */
    public static String escapeValue(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    }

    private static String pack(String plain, String original) {
        StringBuilder out = new StringBuilder(plain.length() + 8);
        boolean subsetC = true;
        int i = 0;
        while (i < plain.length()) {
            char c = plain.charAt(i);
            if (c == GS) {
                out.append(">8");
                i++;
            } else if (subsetC && i + 1 < plain.length() && isDigit(c) && isDigit(plain.charAt(i + 1))) {
                out.append(c).append(plain.charAt(i + 1));
                i += 2;
            } else if (subsetC) {
                out.append(">6");
                subsetC = false;
            } else if (evenDigitRun(plain, i) >= 4) {
                out.append(">5");
                subsetC = true;
            } else {
                appendB(out, c, original);
                i++;
            }
        }
        return out.toString();
    }

    private static int evenDigitRun(String s, int from) {
        int n = 0;
        while (from + n < s.length() && isDigit(s.charAt(from + n))) {
            n++;
        }
        return n % 2 == 0 ? n : 0;
    }

    private static void appendB(StringBuilder out, char c, String whole) {
        if (c < 0x20 || c > 0x7E) {
            throw new IllegalArgumentException("Code 128 data '" + whole + "' has a character (U+"
                    + String.format("%04X", (int) c) + ") outside printable ASCII");
        }
        if (c == '>') {
            out.append("><");
        } else {
            out.append(c);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Reads {@code ^BC} field data (already hex-decoded) back into what the symbol encodes: invocation codes
     * are resolved, a leading FNC1 marks GS1-128 and later FNC1s become {@link #GS}.
     */
    public static Content decode(String fieldText) {
        StringBuilder data = new StringBuilder(fieldText.length());
        boolean gs1 = false;
        boolean first = true;
        int i = 0;
        while (i < fieldText.length()) {
            char c = fieldText.charAt(i);
            if (c == '>' && i + 1 < fieldText.length()) {
                char code = fieldText.charAt(i + 1);
                i += 2;
                if (code == '8') {
                    if (first) {
                        gs1 = true;
                    } else {
                        data.append(GS);
                    }
                    first = false;
                } else if (code == '<') {
                    data.append('>');
                    first = false;
                } else if (code == '=') {
                    data.append('~');
                    first = false;
                }
                continue;
            }
            data.append(c);
            first = false;
            i++;
        }
        return new Content(gs1, data.toString());
    }
}
