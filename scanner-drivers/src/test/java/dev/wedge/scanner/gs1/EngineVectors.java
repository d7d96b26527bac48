package dev.wedge.scanner.gs1;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the GS1 syntax engine's test vectors (test resources gs1-syntax-engine/, see SOURCE.md there). */
final class EngineVectors {

    private EngineVectors() {
    }

    /** One row, fields unescaped ({@code \\} and {@code \xHH}). */
    record Row(List<String> fields) {
        String get(int i) {
            return i < fields.size() ? fields.get(i) : "";
        }
    }

    static List<Row> read(String name) {
        try (InputStream in = EngineVectors.class.getResourceAsStream("/gs1-syntax-engine/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Row> rows = new ArrayList<>();
            String[] lines = text.split("\n", -1);
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isEmpty()) {
                    continue;
                }
                List<String> fields = new ArrayList<>();
                for (String f : lines[i].split("\t", -1)) {
                    fields.add(unescape(f));
                }
                rows.add(new Row(fields));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\\') {
                sb.append('\\');
                i++;
            } else if (c == '\\' && i + 3 < s.length() + 0 && s.charAt(i + 1) == 'x') {
                sb.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Tallies agreement per kind and keeps the disagreeing rows to print. */
    static final class Tally {
        final Map<String, int[]> counts = new TreeMap<>();
        final List<String> disagreements = new ArrayList<>();

        void add(String kind, boolean agrees, String detail) {
            int[] c = counts.computeIfAbsent(kind, k -> new int[2]);
            c[0]++;
            if (agrees) {
                c[1]++;
            } else {
                disagreements.add(kind + ": " + detail);
            }
        }

        double ratio(String kind) {
            int[] c = counts.get(kind);
            return (double) c[1] / c[0];
        }

        void print(String title) {
            System.out.println(title);
            counts.forEach((k, c) -> System.out.printf("  %-40s %5d/%5d agree (%.1f%%)%n", k, c[1], c[0], 100.0 * c[1] / c[0]));
            disagreements.forEach(d -> System.out.println("  DISAGREES " + d));
        }
    }
}
