package dev.wedge.edge.dispatch.eta;

import static dev.wedge.edge.dispatch.store.JdbcRouteStore.ts;
import static dev.wedge.edge.dispatch.store.JdbcRouteStore.update;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.dispatch.notify.NotificationEvent;
import dev.wedge.edge.dispatch.notify.NotificationQueue;
import dev.wedge.edge.dispatch.store.DispatchOutbox;
import dev.wedge.edge.dispatch.store.JdbcActionLog;
import dev.wedge.edge.dispatch.store.JdbcRouteStore;
import dev.wedge.edge.dispatch.store.RouteRow;
import dev.wedge.edge.dispatch.store.StopRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the stored ETAs of a route up to date inside the caller's transaction: recomputes them from the truck's
 * position, raises one late alert per stop whose service would start after its window (also to HQ), and queues
 * the customer's "arrives soon" notification once when the ETA comes within the notice time.
 */
public final class EtaTracker {
    private final EtaCalculator calculator;
    private final NotificationQueue notifications;
    private final DispatchOutbox outbox;
    private final Duration notice;
    private final JdbcRouteStore routes = new JdbcRouteStore();
    private final JdbcActionLog log = new JdbcActionLog();

    public EtaTracker(EtaCalculator calculator, NotificationQueue notifications, DispatchOutbox outbox,
                      Duration notice) {
        this.calculator = calculator;
        this.notifications = notifications;
        this.outbox = outbox;
        this.notice = notice;
    }

    /** Recomputes the route's ETAs as of {@code now} and returns them in route order. */
    public List<StopEta> refresh(Connection tx, RouteRow route, Instant now) throws SQLException {
        List<StopRow> open = routes.stops(tx, route.routeId()).stream().filter(s -> !s.status().done()).toList();
        List<StopEta> etas = calculator.etas(route.position(), now, open.stream().map(StopRow::remaining).toList());
        for (int i = 0; i < open.size(); i++) {
            StopRow stop = open.get(i);
            StopEta eta = etas.get(i);
            update(tx, "UPDATE dispatch_stop SET eta = ? WHERE stop_id = ?", ts(eta.serviceStart()), stop.stopId());
            if (eta.late() && !stop.lateAlerted()) {
                raiseLate(tx, route, stop, eta, now);
            }
            boolean soon = !eta.serviceStart().isAfter(now.plus(notice));
            if (route.startedAt().isPresent() && soon && !stop.etaNotified()) {
                update(tx, "UPDATE dispatch_stop SET eta_notified = 1 WHERE stop_id = ?", stop.stopId());
                notifications.queue(tx, NotificationEvent.ETA_SOON, routes.stop(tx, stop.stopId()).orElseThrow(), now);
            }
        }
        return etas;
    }

    private void raiseLate(Connection tx, RouteRow route, StopRow stop, StopEta eta, Instant now)
            throws SQLException {
        long minutes = Duration.between(stop.windowEnd(), eta.serviceStart()).toMinutes();
        String message = "Stop " + stop.stopId() + " is expected at " + eta.serviceStart() + ", " + minutes
                + " min after its window closes at " + stop.windowEnd();
        update(tx, "UPDATE dispatch_stop SET late_alerted = 1 WHERE stop_id = ?", stop.stopId());
        log.insertAlert(tx, route.routeId(), stop.stopId(), "LATE", message, now);
        ObjectNode p = outbox.payload("alert", now);
        p.put("kind", "LATE");
        p.put("routeId", route.routeId());
        p.put("stopId", stop.stopId());
        p.put("eta", eta.serviceStart().toString());
        p.put("windowEnd", stop.windowEnd().toString());
        p.put("message", message);
        outbox.append(tx, p);
    }
}
