package dev.wedge.label.preview;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes {@code ^GF} graphic field data into rows of bits: ASCII hex with ZPL's run-length compression
 * ({@code G}-{@code Y} and {@code g}-{@code z} repeat counts, {@code ,} fills the row with 0, {@code !} with 1,
 * {@code :} repeats the previous row), {@code :Z64:} (base64 of zlib data) and {@code :B64:} (base64).
 */
final class GraphicField {

    private final int bytesPerRow;
    private final byte[] bitmap;

    private GraphicField(int bytesPerRow, byte[] bitmap) {
        this.bytesPerRow = bytesPerRow;
        this.bitmap = bitmap;
    }

    /** Decodes the parameters of a {@code ^GF} command ({@code format,total,total,bytesPerRow,data}). */
    static GraphicField parse(String parameters) {
        String[] p = parameters.split(",", 5);
        if (p.length < 5) {
            throw new IllegalArgumentException("^GF needs five parameters, got '" + abbreviate(parameters) + "'");
        }
        String format = p[0].trim().isEmpty() ? "A" : p[0].trim().toUpperCase(java.util.Locale.ROOT);
        int total = Integer.parseInt(p[1].trim());
        int perRow = Integer.parseInt(p[3].trim());
        if (perRow <= 0 || total < 0) {
            throw new IllegalArgumentException("^GF has " + perRow + " bytes per row and " + total + " bytes in all");
        }
        String data = p[4].trim();
        byte[] bytes;
        if (data.startsWith(":Z64:") || data.startsWith(":B64:")) {
            bytes = base64(data);
        } else if (format.equals("A")) {
            bytes = asciiHex(data, perRow, total);
        } else {
            bytes = data.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return new GraphicField(perRow, bytes);
    }

    int widthDots() {
        return bytesPerRow * 8;
    }

    int rows() {
        return bitmap.length / bytesPerRow;
    }

    /** True where the dot at column x of row y is black. */
    boolean isSet(int x, int y) {
        int b = bitmap[y * bytesPerRow + x / 8] & 0xFF;
        return (b & (0x80 >> (x % 8))) != 0;
    }

    private static byte[] base64(String data) {
        boolean zipped = data.startsWith(":Z64:");
        String body = data.substring(5);
        int crc = body.indexOf(':');
        if (crc >= 0) {
            body = body.substring(0, crc);
        }
        byte[] raw = Base64.getMimeDecoder().decode(body);
        return zipped ? inflate(raw) : raw;
    }

    private static byte[] inflate(byte[] raw) {
        Inflater inflater = new Inflater();
        inflater.setInput(raw);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
        byte[] buf = new byte[4096];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("^GF :Z64: data is not valid zlib data", e);
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }

    private static byte[] asciiHex(String data, int perRow, int total) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(total, 16));
        StringBuilder row = new StringBuilder(perRow * 2);
        String previous = "0".repeat(perRow * 2);
        int repeat = 0;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c >= 'G' && c <= 'Y') {
                repeat += c - 'F';
            } else if (c >= 'g' && c <= 'z') {
                repeat += (c - 'f') * 20;
            } else if (isHex(c)) {
                row.append(String.valueOf(c).repeat(Math.max(1, repeat)));
                repeat = 0;
            } else if (c == ',' || c == '!') {
                fill(row, perRow, c == ',' ? '0' : 'F');
            } else if (c == ':') {
                row.setLength(0);
                row.append(previous);
            }
            if (row.length() >= perRow * 2) {
                previous = row.substring(0, perRow * 2);
                writeHex(out, previous);
                row.delete(0, perRow * 2);
            }
        }
        if (row.length() > 0) {
            fill(row, perRow, '0');
            writeHex(out, row.substring(0, perRow * 2));
        }
        return out.toByteArray();
    }

    private static void fill(StringBuilder row, int perRow, char with) {
        while (row.length() < perRow * 2) {
            row.append(with);
        }
    }

    private static void writeHex(ByteArrayOutputStream out, String hex) {
        for (int i = 0; i + 1 < hex.length(); i += 2) {
            out.write(Integer.parseInt(hex, i, i + 2, 16));
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
