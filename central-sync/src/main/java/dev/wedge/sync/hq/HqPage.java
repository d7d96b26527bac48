package dev.wedge.sync.hq;

import java.util.List;
import java.util.Map;

/** The small HTML overview HQ serves at {@code /}: warehouses and the most recent records. */
final class HqPage {
    private HqPage() {
    }

    static String render(List<WarehouseSummary> warehouses, List<StoredRecord> recent) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Wedge HQ</title>")
                .append("<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}</style></head><body>")
                .append("<h1>Wedge HQ</h1><p><a href=\"/reports\">Reports</a></p><h2>Warehouses</h2><table id=\"warehouses\"><tr><th>Warehouse</th>")
                .append("<th>Records</th><th>Complete through</th><th>Highest seq</th><th>Last contact</th>")
                .append("<th>By kind</th></tr>");
        for (WarehouseSummary w : warehouses) {
            html.append("<tr><td>").append(escape(w.warehouseId())).append("</td><td>").append(w.recordCount())
                    .append("</td><td>").append(w.contiguousThrough()).append("</td><td>").append(w.highestSeq())
                    .append("</td><td>").append(w.lastContactAt()).append("</td><td>")
                    .append(escape(kinds(w.countsByKind()))).append("</td></tr>");
        }
        html.append("</table><h2>Recent records</h2><table id=\"recent\"><tr><th>Received</th><th>Key</th>")
                .append("<th>Kind</th><th>Payload</th></tr>");
        for (StoredRecord r : recent) {
            String payload = r.payload().length() > 200 ? r.payload().substring(0, 200) + "…" : r.payload();
            html.append("<tr><td>").append(r.receivedAt()).append("</td><td>").append(escape(r.key()))
                    .append("</td><td>").append(escape(r.kind())).append("</td><td><code>").append(escape(payload))
                    .append("</code></td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static String kinds(Map<String, Long> counts) {
        StringBuilder s = new StringBuilder();
        counts.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return s.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
