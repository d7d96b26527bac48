package dev.wedge.label.zpl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The {@code ^FH} hex encoding of field data, which keeps variable text from ever becoming a printer command.
 *
 * <p>Text is taken as UTF-8 (the label selects it with {@code ^CI28}); every byte that is {@code ^}, {@code ~},
 * the hex indicator {@code _}, {@code \}, {@code &}, a control character or not ASCII is written as the
 * indicator followed by two upper-case hex digits. The result contains only printable ASCII other than those
 * characters, so a field can never close itself or start a new command. Pure functions; thread-safe.
 */
public final class FieldEncoding {

    /** The hex indicator Wedge writes after {@code ^FH}. */
    public static final char INDICATOR = '_';

    /** ZPL II accepts at most this many bytes of data in one {@code ^FD} field. */
    public static final int MAX_FIELD_BYTES = 3072;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FieldEncoding() {
    }

    /**
     * Encodes text for a {@code ^FH_^FD...^FS} field.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public static String escape(String text) {
        if (isPlain(text)) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (needsEscape(v)) {
                out.append(INDICATOR).append(HEX[v >> 4]).append(HEX[v & 0xF]);
            } else {
                out.append((char) v);
            }
        }
        return out.toString();
    }

    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (needsEscape(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** True when the byte {@code v} (0-255) must be hex-escaped inside field data. */
    public static boolean needsEscape(int v) {
        return v < 0x20 || v >= 0x7F || v == '^' || v == '~' || v == INDICATOR || v == '\\' || v == '&';
    }

    /**
     * Shortens text so that its escaped form fits in {@code maxEscapedLength} characters, never cutting a code
     * point in two.
     */
    public static String capEscaped(String text, int maxEscapedLength) {
        // A UTF-16 unit escapes to at most 9 characters (three bytes), so short text always fits.
        if ((long) text.length() * 9 <= maxEscapedLength) {
            return text;
        }
        int used = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int cost = escapedLength(cp);
            if (used + cost > maxEscapedLength) {
                return text.substring(0, i);
            }
            used += cost;
            i += Character.charCount(cp);
        }
        return text;
    }

    private static int escapedLength(int codePoint) {
        if (codePoint < 0x80) {
            return needsEscape(codePoint) ? 3 : 1;
        }
        return 3 * new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Decodes field data written under {@code ^FH} with the given indicator. An indicator not followed by two
     * hex digits is kept as it is, as a printer does.
     */
    public static String unescape(String data, char indicator, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length());
        int i = 0;
        while (i < data.length()) {
            char c = data.charAt(i);
            if (c == indicator && i + 2 < data.length() && isHex(data.charAt(i + 1)) && isHex(data.charAt(i + 2))) {
                bytes.write(Integer.parseInt(data, i + 1, i + 3, 16));
                i += 3;
            } else {
                int cp = data.codePointAt(i);
                writeCodePoint(bytes, cp, charset);
                i += Character.charCount(cp);
            }
        }
        return bytes.toString(charset);
    }

    private static void writeCodePoint(ByteArrayOutputStream bytes, int cp, Charset charset) {
        if (cp < 0x80) {
            bytes.write(cp);
        } else {
            bytes.writeBytes(new String(Character.toChars(cp)).getBytes(charset));
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }
}
