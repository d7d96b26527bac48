package dev.wedge.edge.dispatch.hq;

import static dev.wedge.edge.dispatch.report.PlanMap.esc;

import com.fasterxml.jackson.databind.JsonNode;

/** HQ's dispatch report page: per warehouse the plan map with each truck, the metrics, and the ETA of each stop. */
final class HqDispatchPage {
    private HqDispatchPage() {
    }

    static String render(JsonNode report) {
        StringBuilder h = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Wedge HQ: dispatch</title><style>body{font-family:system-ui,sans-serif;margin:1em}"
                + "img{max-width:800px;width:100%;border:1px solid #ccc}td,th{border-bottom:1px solid #ddd;"
                + "padding:.2em .5em;text-align:left}table{border-collapse:collapse;margin:.5em 0 1.5em}</style>"
                + "</head><body><h1>Dispatch</h1>");
        if (report.path("warehouses").isEmpty()) {
            h.append("<p>No warehouse has synced a route yet.</p>");
        }
        for (JsonNode w : report.path("warehouses")) {
            String id = esc(w.path("warehouseId").asText());
            h.append("<section data-warehouse=\"").append(id).append("\"><h2>").append(id).append("</h2>");
            h.append("<img alt=\"Routes and trucks of ").append(id).append("\" src=\"").append(esc(w.path("map")
                    .asText())).append("\">");
            h.append("<h3>Metrics</h3><table>");
            w.path("metrics").fields().forEachRemaining(e -> h.append("<tr><th>").append(esc(e.getKey()))
                    .append("</th><td>").append(esc(e.getValue().isValueNode() ? e.getValue().asText()
                            : e.getValue().toString())).append("</td></tr>"));
            h.append("</table><h3>Stops</h3><table><tr><th>route</th><th>#</th><th>stop</th><th>customer</th>"
                    + "<th>window</th><th>ETA</th><th>status</th></tr>");
            for (JsonNode s : w.path("stops")) {
                h.append("<tr data-stop=\"").append(esc(s.path("stopId").asText())).append("\"><td>")
                        .append(esc(s.path("routeId").asText())).append("</td><td>").append(s.path("seq").asInt())
                        .append("</td><td>").append(esc(s.path("stopId").asText())).append("</td><td>")
                        .append(esc(s.path("customer").asText())).append("</td><td>")
                        .append(esc(s.path("windowStart").asText())).append(" – ")
                        .append(esc(s.path("windowEnd").asText())).append("</td><td class=\"eta\">")
                        .append(esc(s.path("eta").asText(""))).append("</td><td>")
                        .append(esc(s.path("status").asText())).append("</td></tr>");
            }
            h.append("</table></section>");
        }
        return h.append("</body></html>").toString();
    }
}
