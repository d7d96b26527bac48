package dev.wedge.scanner.gs1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The code lists that GS1 content rules check against: ISO 3166 countries, ISO 4217 currencies, IBAN lengths. */
final class CodeLists {

    static final Set<String> ISO3166_NUMERIC = read("iso3166-numeric.txt");
    static final Set<String> ISO4217_NUMERIC = read("iso4217-numeric.txt");
    static final Set<String> ISO3166_ALPHA2 = Set.of(Locale.getISOCountries());
    /** Countries in the IBAN registry (ISO 13616), with their IBAN lengths. */
    static final Map<String, Integer> IBAN_LENGTHS = ibanLengths();
    static final Set<String> IBAN_COUNTRIES = IBAN_LENGTHS.keySet();

    private CodeLists() {
    }

    private static Map<String, Integer> ibanLengths() {
        String table = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18"
                + " DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22 IL23 IQ23"
                + " IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30"
                + " NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23"
                + " ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";
        Map<String, Integer> lengths = new HashMap<>();
        for (String entry : table.split(" ")) {
            lengths.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
        }
        return Map.copyOf(lengths);
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
