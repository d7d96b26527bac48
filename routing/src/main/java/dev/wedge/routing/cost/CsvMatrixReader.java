package dev.wedge.routing.cost;

import dev.wedge.routing.RoutingErrorCode;
import dev.wedge.routing.RoutingException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes travel matrices as CSV: a header {@code from,to,distance,time}, then one row per ordered pair
 * of place ids. Every pair of distinct places must be present; a place to itself is zero unless given.
 */
public final class CsvMatrixReader {
    static final String HEADER = "from,to,distance,time";

    private CsvMatrixReader() {
    }

    public static TravelMatrix read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RoutingException(RoutingErrorCode.INVALID_INPUT_FILE, "Cannot read matrix " + file + ": " + e.getMessage(), e);
        }
        return parse(file.getFileName().toString(), lines);
    }

    static TravelMatrix parse(String source, List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).trim().equalsIgnoreCase(HEADER)) {
            throw bad(source, 1, "the header must be '" + HEADER + "'");
        }
        Map<String, Integer> ids = new LinkedHashMap<>();
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] c = lines.get(i).split(",");
            if (c.length != 4) {
                throw bad(source, i + 1, "expected 4 columns, got " + c.length);
            }
            ids.putIfAbsent(c[0].trim(), ids.size());
            ids.putIfAbsent(c[1].trim(), ids.size());
            rows.add(c);
        }
        int n = ids.size();
        double[][] d = filled(n);
        double[][] t = filled(n);
        for (int r = 0; r < rows.size(); r++) {
            String[] c = rows.get(r);
            int i = ids.get(c[0].trim());
            int j = ids.get(c[1].trim());
            d[i][j] = number(source, c[2], r);
            t[i][j] = number(source, c[3], r);
        }
        List<String> names = new ArrayList<>(ids.keySet());
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j && Double.isNaN(d[i][j])) {
                    d[i][j] = 0;
                    t[i][j] = 0;
                } else if (Double.isNaN(d[i][j])) {
                    throw new RoutingException(RoutingErrorCode.MISSING_TRAVEL_COST, source + " has no row from "
                            + names.get(i) + " to " + names.get(j));
                }
            }
        }
        return new TravelMatrix(names, d, t);
    }

    /** Writes the matrix in the format {@link #read} expects. */
    public static void write(TravelMatrix m, Writer out) throws IOException {
        out.write(HEADER + "\n");
        List<String> ids = m.ids();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = 0; j < ids.size(); j++) {
                out.write(String.format(Locale.ROOT, "%s,%s,%s,%s%n", ids.get(i), ids.get(j),
                        Double.toString(m.distance(i, j)), Double.toString(m.time(i, j))));
            }
        }
    }

    private static double number(String source, String text, int row) {
        try {
            double v = Double.parseDouble(text.trim());
            if (!(v >= 0)) {
                throw bad(source, row + 2, "'" + text.trim() + "' is negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(source, row + 2, "'" + text.trim() + "' is not a number");
        }
    }

    private static double[][] filled(int n) {
        double[][] m = new double[n][n];
        for (double[] row : m) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        return m;
    }

    private static RoutingException bad(String source, int line, String what) {
        return new RoutingException(RoutingErrorCode.INVALID_INPUT_FILE, source + " line " + line + ": " + what);
    }
}
