package dev.wedge.edge.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One sample receiving scan and the outcome the demo expects for it.
 *
 * @param frame  the bytes a scanner sends, without the line ending
 * @param expect {@code ACCEPTED} or the rejection code
 * @param source where the element string comes from
 */
public record DemoScan(String frame, String expect, String source) {

    private static final Pattern ESCAPE = Pattern.compile("\\\\x([0-9A-Fa-f]{2})");

    /** The sample scans shipped in {@code demo/scans.tsv}. */
    public static List<DemoScan> samples() throws IOException {
        try (InputStream in = DemoScan.class.getResourceAsStream("/demo/scans.tsv")) {
            if (in == null) {
                throw new IOException("demo/scans.tsv is missing from the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        }
    }

    static List<DemoScan> parse(BufferedReader reader) throws IOException {
        List<DemoScan> scans = new ArrayList<>();
        String line;
        boolean header = true;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != 3) {
                throw new IOException("demo/scans.tsv line '" + line + "' does not have 3 tab-separated columns");
            }
            scans.add(new DemoScan(unescape(cols[0]), cols[1], cols[2]));
        }
        return scans;
    }

    private static String unescape(String s) {
        Matcher m = ESCAPE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(
                    String.valueOf((char) HexFormat.fromHexDigits(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
