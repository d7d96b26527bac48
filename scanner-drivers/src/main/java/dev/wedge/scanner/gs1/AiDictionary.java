package dev.wedge.scanner.gs1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of Application Identifiers, read from the GS1 Barcode Syntax Dictionary that ships in this jar
 * ({@code gs1-syntax-dictionary.txt}, Apache-2.0, see NOTICE.md beside it). Immutable and thread-safe once
 * loaded; {@link #standard()} is loaded once per class loader.
 */
public final class AiDictionary {

    private static final String RESOURCE = "gs1-syntax-dictionary.txt";
    private static volatile AiDictionary standard;

    private final Map<String, AiDefinition> byAi;
    /** Definitions indexed by the AI's digits as a number, one table per AI length, so scans parse without lookups by string. */
    private final AiDefinition[][] byLength = {null, null, new AiDefinition[100], new AiDefinition[1000],
            new AiDefinition[10000]};

    private AiDictionary(Map<String, AiDefinition> byAi) {
        this.byAi = Collections.unmodifiableMap(byAi);
        for (AiDefinition def : byAi.values()) {
            byLength[def.ai().length()][Integer.parseInt(def.ai())] = def;
        }
    }

    /** The dictionary shipped with Wedge. */
    public static AiDictionary standard() {
        AiDictionary d = standard;
        if (d == null) {
            synchronized (AiDictionary.class) {
                d = standard;
                if (d == null) {
                    try (InputStream in = AiDictionary.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("GS1 syntax dictionary " + RESOURCE + " is not on the class path");
                        }
                        d = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the GS1 syntax dictionary", e);
                    }
                    standard = d;
                }
            }
        }
        return d;
    }

    /** Reads a dictionary in the syntax-dictionary text format. */
    public static AiDictionary read(InputStream in) throws IOException {
        Map<String, AiDefinition> map = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            try {
                for (AiDefinition def : parseEntry(trimmed)) {
                    map.put(def.ai(), def);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("GS1 syntax dictionary line " + lineNo + " '" + trimmed
                        + "' cannot be read: " + e.getMessage(), e);
            }
        }
        return new AiDictionary(map);
    }

    private static List<AiDefinition> parseEntry(String line) {
        String title = "";
        int hash = line.indexOf('#');
        String body = line;
        if (hash >= 0) {
            title = line.substring(hash + 1).strip();
            body = line.substring(0, hash);
        }
        String[] tokens = body.strip().split("\\s+");
        int i = 0;
        String range = tokens[i++];
        String flags = "";
        if (i < tokens.length && !tokens[i].isEmpty() && "*?!\"$%&'()+,-./:;<=>@\\^_`{|}~".indexOf(tokens[i].charAt(0)) >= 0) {
            flags = tokens[i++];
        }
        List<AiComponent> components = new ArrayList<>();
        List<String> requires = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        String dlpkey = null;
        for (; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.startsWith("req=")) {
                requires.add(t.substring(4));
            } else if (t.startsWith("ex=")) {
                excludes.addAll(List.of(t.substring(3).split(",")));
            } else if (t.equals("dlpkey")) {
                dlpkey = "";
            } else if (t.startsWith("dlpkey=")) {
                dlpkey = t.substring(7);
            } else {
                components.add(AiComponent.parse(t));
            }
        }
        List<AiDefinition> defs = new ArrayList<>();
        for (String ai : expand(range)) {
            defs.add(new AiDefinition(ai, flags.indexOf('*') >= 0, flags.indexOf('?') >= 0, components,
                    requires, excludes, dlpkey, title));
        }
        return defs;
    }

    private static List<String> expand(String range) {
        int dash = range.indexOf('-');
        if (dash < 0) {
            return List.of(range);
        }
        String from = range.substring(0, dash);
        String to = range.substring(dash + 1);
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("AI range " + range + " mixes lengths");
        }
        List<String> ais = new ArrayList<>();
        for (int n = Integer.parseInt(from); n <= Integer.parseInt(to); n++) {
            String ai = Integer.toString(n);
            ais.add("0".repeat(from.length() - ai.length()) + ai);
        }
        return ais;
    }

    /** The definition of exactly this AI. */
    public Optional<AiDefinition> lookup(String ai) {
        return Optional.ofNullable(byAi.get(ai));
    }

    /**
     * The AI that starts at {@code offset} in {@code text}, or {@code null}. GS1 AIs form a prefix-free code, so at
     * most one of the 2-, 3- and 4-digit readings is in the table.
     */
    public AiDefinition atStart(CharSequence text, int offset) {
        int number = 0;
        for (int len = 1; len <= 4 && offset + len <= text.length(); len++) {
            char c = text.charAt(offset + len - 1);
            if (c < '0' || c > '9') {
                return null;
            }
            number = number * 10 + c - '0';
            if (len >= 2 && byLength[len][number] != null) {
                return byLength[len][number];
            }
        }
        return null;
    }

    /** Every AI in the table, in dictionary order. */
    public Collection<AiDefinition> all() {
        return byAi.values();
    }
}
