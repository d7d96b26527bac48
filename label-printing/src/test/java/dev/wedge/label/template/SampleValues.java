package dev.wedge.label.template;

import java.util.Map;

/** Real-looking values for every built-in template, shared by the tests and the benchmark. */
public final class SampleValues {

    private SampleValues() {
    }

    public static Map<String, String> of(String template) {
        return switch (template) {
            case "gs1-logistic" -> Map.of("sscc", "340123450000000017", "content", "04012345000016",
                    "count", "48", "description", "Tomatoes, cherry, 12 x 250 g", "lot", "L2026-07A",
                    "bestBefore", "2026-12-31", "from", "Wedge Fresh DC\nIndustriestraße 4\n4020 Linz",
                    "to", "Markt Süd\nHauptplatz 1\n8010 Graz");
            case "shipping" -> Map.of("to", "Zoë Ørsted\nHavnegade 12, 3. tv\n1058 København K\nDenmark",
                    "from", "Wedge DC Nord", "route", "R-017", "stop", "4", "door", "D12",
                    "order", "SO-2026-000481", "tracking", "https://track.example/SO-2026-000481",
                    "sscc", "340123450000000024");
            case "product-lot" -> Map.of("gtin", "4012345000016", "description", "Olive oil, extra virgin, 1 l",
                    "lot", "OO-26-113", "expiry", "2027-03-31", "ean13", "4012345000016");
            case "location" -> Map.of("location", "A-01-02-3", "zone", "Ambient, aisle A", "note", "max 800 kg");
            default -> throw new IllegalArgumentException("no sample values for template " + template);
        };
    }
}
