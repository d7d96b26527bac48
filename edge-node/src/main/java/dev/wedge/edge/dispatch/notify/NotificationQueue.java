package dev.wedge.edge.dispatch.notify;

import static dev.wedge.edge.dispatch.store.JdbcRouteStore.ts;
import static dev.wedge.edge.dispatch.store.JdbcRouteStore.update;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.dispatch.DispatchSettings;
import dev.wedge.edge.dispatch.store.JdbcRouteStore;
import dev.wedge.edge.dispatch.store.StopRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Queues customer notifications inside the transaction of the event, so a notification exists exactly when its
 * event committed; {@link NotificationSender} delivers them afterwards. Stateless apart from the settings.
 */
public final class NotificationQueue {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final DispatchSettings settings;
    private final JdbcRouteStore routes = new JdbcRouteStore();
    private final ObjectMapper json = new ObjectMapper();

    public NotificationQueue(DispatchSettings settings) {
        this.settings = settings;
    }

    /** Queues the event for the stop's customer by e-mail (if the customer has an address) and the site webhook. */
    public void queue(Connection tx, NotificationEvent event, StopRow stop, Instant at) throws SQLException {
        String link = settings.trackingBaseUrl().resolve("/track/" + stop.trackingToken()).toString();
        String subject = subject(event, stop);
        if (settings.smtp().isPresent()) {
            var customer = routes.customer(tx, stop.customerId());
            if (customer.isPresent() && customer.get().email().isPresent()) {
                insert(tx, event, stop, "EMAIL", customer.get().email().get(), subject,
                        subject + "\r\n\r\nFollow your delivery: " + link + "\r\n", at);
            }
        }
        if (settings.webhook().isPresent()) {
            ObjectNode body = json.createObjectNode();
            body.put("event", event.name());
            body.put("stopId", stop.stopId());
            body.put("routeId", stop.routeId());
            body.put("customerId", stop.customerId());
            body.put("trackingUrl", link);
            body.put("at", at.toString());
            stop.eta().ifPresent(e -> body.put("eta", e.toString()));
            stop.failReason().ifPresent(r -> body.put("reason", r));
            insert(tx, event, stop, "WEBHOOK", settings.webhook().get().toString(), subject, body.toString(), at);
        }
    }

    private static String subject(NotificationEvent event, StopRow stop) {
        String eta = stop.eta().map(HM::format).orElse(HM.format(stop.plannedArrival()));
        return switch (event) {
            case ROUTE_STARTED -> "Your delivery " + stop.stopId() + " is on its way, expected around " + eta + " UTC";
            case ETA_SOON -> "Your delivery " + stop.stopId() + " arrives soon, around " + eta + " UTC";
            case DELIVERED -> "Your delivery " + stop.stopId() + " was delivered";
            case FAILED -> "Your delivery " + stop.stopId() + " could not be made ("
                    + stop.failReason().orElse("OTHER") + ")";
        };
    }

    private void insert(Connection tx, NotificationEvent event, StopRow stop, String channel, String target,
                        String subject, String body, Instant at) throws SQLException {
        update(tx, "INSERT INTO dispatch_notification (stop_id, route_id, event, channel, target, subject, body,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", stop.stopId(), stop.routeId(), event.name(), channel,
                target, subject, body, ts(at));
    }

    /** Pending notifications that are due at {@code now} (not waiting after a failure), oldest first. */
    public List<Notification> pending(Connection c, int limit, Instant now) throws SQLException {
        List<Notification> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT notification_id, channel, target, subject, body"
                + " FROM dispatch_notification WHERE state = 0 AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
                + " ORDER BY notification_id")) {
            ps.setTimestamp(1, ts(now));
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Notification(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
        }
        return out;
    }

    public void markSent(Connection c, long id, Instant at) throws SQLException {
        update(c, "UPDATE dispatch_notification SET state = 1, attempts = attempts + 1, sent_at = ?, last_error = NULL"
                + " WHERE notification_id = ?", ts(at), id);
    }

    /**
     * Records a failed attempt. A retryable failure waits {@code backoff} before the next attempt and is given up
     * (state 2) only after {@code maxAttempts}; a permanent one (an address that can never work) is given up now.
     */
    public void markFailed(Connection c, long id, String error, boolean permanent, Instant nextAttempt,
                           int maxAttempts) throws SQLException {
        update(c, "UPDATE dispatch_notification SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,"
                + " state = CASE WHEN attempts + 1 >= ? OR ? = 1 THEN 2 ELSE 0 END WHERE notification_id = ?",
                error.length() > 500 ? error.substring(0, 500) : error, ts(nextAttempt), maxAttempts,
                permanent ? 1 : 0, id);
    }

    /** How many attempts the notification has had so far. */
    public int attempts(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT attempts FROM dispatch_notification WHERE notification_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
