package dev.wedge.scanner.gs1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The code lists that GS1 content rules check against: ISO 3166 countries, ISO 4217 currencies. */
final class CodeLists {

    static final Set<String> ISO3166_NUMERIC = read("iso3166-numeric.txt");
    static final Set<String> ISO4217_NUMERIC = read("iso4217-numeric.txt");
    static final Set<String> ISO3166_ALPHA2 = Set.of(Locale.getISOCountries());

    private CodeLists() {
    }

    private static Set<String> read(String resource) {
        try (InputStream in = CodeLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("code list " + resource + " is not on the class path");
            }
            Set<String> codes = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String code = line.strip();
                if (!code.isEmpty() && !code.startsWith("#")) {
                    codes.add(code);
                }
            }
            return Set.copyOf(codes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read code list " + resource, e);
        }
    }
}
