package dev.wedge.sync.hq;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import dev.wedge.sync.wire.Names;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.jetty.util.Fields;

/**
 * HQ's cross-warehouse reports as JSON under {@value #PREFIX} and as the page {@code /reports}:
 * {@code warehouses} (last contact, backlog size and age), {@code movements-per-hour?hours=24&kind=movement},
 * {@code stock} and {@code shipments} (with on-time rate).
 */
final class HqReportApi {
    static final String PREFIX = "/api/reports/";
    private static final int MAX_HOURS = 24 * 31;

    private final HqStore store;
    private final Clock clock = Clock.systemUTC();

    HqReportApi(HqStore store) {
        this.store = store;
    }

    Object answer(String path, Fields query) {
        String name = path.substring(PREFIX.length());
        return switch (name) {
            case "warehouses" -> store.warehouseReports(clock.instant());
            case "movements-per-hour" -> hourly(query);
            case "stock" -> store.stock();
            case "shipments" -> store.shipments();
            default -> throw new SyncException(SyncErrorCode.NOT_FOUND, "No report named '" + name
                    + "'; reports are warehouses, movements-per-hour, stock, shipments.");
        };
    }

    private List<HourlyCount> hourly(Fields query) {
        String kind = Names.requireKind(query.getValue("kind") == null ? "movement" : query.getValue("kind"));
        int hours;
        try {
            hours = query.getValue("hours") == null ? 24 : Integer.parseInt(query.getValue("hours"));
        } catch (NumberFormatException e) {
            throw SyncException.invalid("hours='" + query.getValue("hours") + "' is not a whole number.");
        }
        if (hours < 1 || hours > MAX_HOURS) {
            throw SyncException.invalid("hours " + hours + " must be 1-" + MAX_HOURS + ".");
        }
        Instant end = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        return store.hourly(kind, end.minus(Duration.ofHours(hours)), end);
    }

    String page() {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Wedge HQ reports</title>")
                .append("<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:.25em .6em}</style></head><body>")
                .append("<h1>Wedge HQ reports</h1><p><a href=\"/\">Overview</a></p>");
        table(html, "warehouses", "Warehouses", List.of("Warehouse", "Last contact", "Silent s", "Records",
                "Edge backlog", "Backlog age s"), store.warehouseReports(clock.instant()).stream()
                .map(w -> List.<Object>of(w.warehouseId(), w.lastContactAt(), w.silentSeconds(), w.recordCount(),
                        w.edgeBacklog() == null ? "" : w.edgeBacklog(), w.backlogAgeSeconds())).toList());
        table(html, "movements", "Movements per hour (last 24 h)", List.of("Warehouse", "Hour", "Movements"),
                hourly(new Fields()).stream().map(h -> List.<Object>of(h.warehouseId(), h.hourStart(), h.count()))
                        .toList());
        table(html, "stock", "Stock by product", List.of("Warehouse", "Product", "Quantity"), store.stock().stream()
                .map(s -> List.<Object>of(s.warehouseId(), s.product(), s.quantity().toPlainString())).toList());
        table(html, "shipments", "Shipments", List.of("Warehouse", "Shipments", "Delivered", "On time", "On-time rate"),
                store.shipments().stream().map(s -> List.<Object>of(s.warehouseId(), s.shipments(), s.delivered(),
                        s.onTime(), s.onTimeRate() == null ? "" : String.format("%.1f %%", 100 * s.onTimeRate())))
                        .toList());
        return html.append("</body></html>").toString();
    }

    private static void table(StringBuilder html, String id, String title, List<String> heads,
            List<List<Object>> rows) {
        html.append("<h2>").append(title).append("</h2><table id=\"").append(id).append("\"><tr>");
        heads.forEach(h -> html.append("<th>").append(h).append("</th>"));
        html.append("</tr>");
        for (List<Object> row : rows) {
            html.append("<tr>");
            row.forEach(v -> html.append("<td>").append(HqPage.escape(String.valueOf(v))).append("</td>"));
            html.append("</tr>");
        }
        html.append("</table>");
    }
}
