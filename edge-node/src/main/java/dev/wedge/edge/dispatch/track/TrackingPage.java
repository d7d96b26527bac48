package dev.wedge.edge.dispatch.track;

import dev.wedge.edge.dispatch.store.JdbcRouteStore;
import dev.wedge.edge.dispatch.store.StopRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The customer's tracking page for one delivery, found by its token only. A malformed, unknown or expired token
 * finds nothing (the caller answers 404 without telling which), so a link reveals no other delivery. The page
 * shows the status and, while the delivery is pending, an ETA window: the current ETA rounded to the quarter
 * hour, plus and minus a quarter hour, within the customer's own window where that is still possible.
 */
public final class TrackingPage {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final Duration HALF_WINDOW = Duration.ofMinutes(15);

    private final JdbcRouteStore routes = new JdbcRouteStore();

    /** The HTML page, or empty when the token is malformed, unknown or expired. */
    public Optional<String> render(Connection c, String token, Instant now) throws SQLException {
        if (!TrackingTokens.wellFormed(token)) {
            return Optional.empty();
        }
        Optional<StopRow> found = routes.stopByToken(c, token);
        if (found.isEmpty() || !now.isBefore(found.get().tokenExpires())) {
            return Optional.empty();
        }
        StopRow s = found.get();
        String status = switch (s.status()) {
            case PENDING -> "On its way";
            case ARRIVED -> "The driver is at your door";
            case DELIVERED -> "Delivered at " + HM.format(s.completedAt().orElseThrow()) + " UTC";
            case FAILED -> "Could not be delivered";
        };
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\""
                + " content=\"noindex\"><title>Your delivery</title><style>body{font-family:sans-serif;margin:2em;"
                + "max-width:30em}.eta{font-size:1.6em}</style></head><body><h1>Your delivery</h1>");
        html.append("<p id=\"status\" data-status=\"").append(s.status().name()).append("\">")
                .append(status).append("</p>");
        if (!s.status().done()) {
            Instant[] w = etaWindow(s.eta().orElse(s.plannedArrival()), s);
            html.append("<p class=\"eta\" id=\"eta\" data-from=\"").append(w[0]).append("\" data-to=\"")
                    .append(w[1]).append("\">Expected between ").append(HM.format(w[0])).append(" and ")
                    .append(HM.format(w[1])).append(" UTC</p>");
        }
        html.append("<p>Delivery window agreed: ").append(HM.format(s.windowStart())).append(" - ")
                .append(HM.format(s.windowEnd())).append(" UTC</p></body></html>");
        return Optional.of(html.toString());
    }

    /** The ETA window shown to the customer: the ETA rounded to 15 minutes, plus and minus 15 minutes. */
    static Instant[] etaWindow(Instant eta, StopRow s) {
        long quarter = HALF_WINDOW.toSeconds();
        Instant rounded = Instant.ofEpochSecond(Math.round(eta.getEpochSecond() / (double) quarter) * quarter);
        Instant from = rounded.minus(HALF_WINDOW);
        Instant to = rounded.plus(HALF_WINDOW);
        if (from.isBefore(s.windowStart()) && !eta.isBefore(s.windowStart())) {
            from = s.windowStart();
        }
        if (to.isAfter(s.windowEnd()) && !eta.isAfter(s.windowEnd())) {
            to = s.windowEnd();
        }
        return new Instant[] {from, to};
    }
}
