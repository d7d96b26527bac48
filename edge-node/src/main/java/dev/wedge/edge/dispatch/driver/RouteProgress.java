package dev.wedge.edge.dispatch.driver;

import static dev.wedge.edge.dispatch.store.JdbcRouteStore.ts;
import static dev.wedge.edge.dispatch.store.JdbcRouteStore.update;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.dispatch.eta.EtaCalculator;
import dev.wedge.edge.dispatch.eta.EtaTracker;
import dev.wedge.edge.dispatch.eta.StopEta;
import dev.wedge.edge.dispatch.model.DispatchErrorCode;
import dev.wedge.edge.dispatch.model.DispatchException;
import dev.wedge.edge.dispatch.model.GeoPoint;
import dev.wedge.edge.dispatch.model.RouteStatus;
import dev.wedge.edge.dispatch.notify.NotificationEvent;
import dev.wedge.edge.dispatch.notify.NotificationQueue;
import dev.wedge.edge.dispatch.store.DispatchOutbox;
import dev.wedge.edge.dispatch.store.JdbcActionLog;
import dev.wedge.edge.dispatch.store.JdbcRouteStore;
import dev.wedge.edge.dispatch.store.RouteRow;
import dev.wedge.edge.dispatch.store.StopRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Route-level driver actions: start, report a position, finish. Each runs inside the caller's transaction. */
final class RouteProgress {
    /** Faster than any truck (250 km/h): a fix that would need more is a GPS jump. */
    private static final double MAX_SPEED_M_PER_S = 250 / 3.6;
    /** Below this, a jump between two close fixes is GPS jitter, not an impossible drive. */
    private static final double MIN_JUMP_METRES = 1000;
    private final JdbcRouteStore routes = new JdbcRouteStore();
    private final JdbcActionLog log = new JdbcActionLog();
    private final DispatchOutbox outbox;
    private final NotificationQueue notifications;
    private final EtaTracker etas;
    private final EtaCalculator calculator;

    RouteProgress(DispatchOutbox outbox, NotificationQueue notifications, EtaTracker etas, EtaCalculator calculator) {
        this.outbox = outbox;
        this.notifications = notifications;
        this.etas = etas;
        this.calculator = calculator;
    }

    String start(Connection tx, DriverAction a, Instant now) throws SQLException {
        RouteRow route = a.routeId().isPresent() ? owned(tx, a.driverId(), a.routeId().get())
                : routes.routesOf(tx, a.driverId()).stream().filter(r -> r.status() == RouteStatus.PLANNED)
                .findFirst().orElseThrow(() -> new DispatchException(DispatchErrorCode.WRONG_STATE,
                        "Driver " + a.driverId() + " has no planned route to start"));
        if (route.status() != RouteStatus.PLANNED) {
            throw new DispatchException(DispatchErrorCode.WRONG_STATE, "Route " + route.routeId() + " is "
                    + route.status() + ", only a PLANNED route can start");
        }
        if (routes.routesOf(tx, a.driverId()).stream().anyMatch(r -> r.status() == RouteStatus.STARTED)) {
            throw new DispatchException(DispatchErrorCode.WRONG_STATE, "Driver " + a.driverId()
                    + " is already on a started route");
        }
        update(tx, "UPDATE dispatch_route SET status = 'STARTED', started_at = ? WHERE route_id = ?", ts(a.at()),
                route.routeId());
        ObjectNode p = outbox.payload("route-started", a.at());
        p.put("routeId", route.routeId());
        p.put("driverId", a.driverId());
        p.put("vehicleId", route.vehicleId());
        outbox.append(tx, p);
        RouteRow started = routes.route(tx, route.routeId()).orElseThrow();
        etas.refresh(tx, started, later(a.at(), now));
        for (StopRow s : routes.stops(tx, route.routeId())) {
            notifications.queue(tx, NotificationEvent.ROUTE_STARTED, s, a.at());
        }
        return "route " + route.routeId() + " started";
    }

    String position(Connection tx, DriverAction a, Instant now) throws SQLException {
        GeoPoint at = a.position().orElseThrow();
        JdbcRouteStore.DriverRow driver = routes.driver(tx, a.driverId()).orElseThrow(() -> new DispatchException(
                DispatchErrorCode.NOT_FOUND, "There is no driver " + a.driverId()));
        // A phone that was offline may send a fix taken before one already received, and GPS sometimes jumps
        // far away: both belong in the track, but moving the truck to them would inflate the driven distance and
        // throw the ETAs (and late alerts) off.
        String ignored = ignoredBecause(driver, at, a.at());
        boolean newest = ignored.isEmpty() && update(tx, "UPDATE dispatch_driver SET last_lat = ?, last_lon = ?,"
                + " last_seen = ? WHERE driver_id = ? AND (last_seen IS NULL OR last_seen <= ?)", at.lat(), at.lon(),
                ts(a.at()), a.driverId(), ts(a.at())) == 1;
        if (ignored.isEmpty() && !newest) {
            ignored = "late";
        }
        Optional<RouteRow> onRoad = routes.routesOf(tx, a.driverId()).stream()
                .filter(r -> r.status() == RouteStatus.STARTED).findFirst();
        log.insertPosition(tx, a.driverId(), onRoad.map(RouteRow::routeId).orElse(null), at, a.at());
        ObjectNode p = outbox.payload("position", a.at());
        // The key tells HQ this action's outcome without a dispatch.action record per position.
        p.put("key", a.key());
        p.put("driverId", a.driverId());
        p.put("lat", at.lat());
        p.put("lon", at.lon());
        if (onRoad.isEmpty() || !newest) {
            if (!newest) {
                p.put("ignored", ignored);
            }
            onRoad.ifPresent(r -> p.put("routeId", r.routeId()));
            outbox.append(tx, p);
            return !newest ? ignored + " position of driver " + a.driverId() + " kept in the track only"
                    : "position of driver " + a.driverId() + " off route";
        }
        RouteRow route = onRoad.get();
        double step = calculator.metres(route.position(), at);
        update(tx, "UPDATE dispatch_route SET actual_distance_m = actual_distance_m + ?, last_lat = ?, last_lon = ?"
                + " WHERE route_id = ?", step, at.lat(), at.lon(), route.routeId());
        List<StopEta> list = etas.refresh(tx, routes.route(tx, route.routeId()).orElseThrow(), later(a.at(), now));
        p.put("routeId", route.routeId());
        ArrayNode etaArray = p.putArray("etas");
        list.forEach(e -> etaArray.addObject().put("stopId", e.stopId()).put("eta", e.serviceStart().toString())
                .put("late", e.late()));
        outbox.append(tx, p);
        return "position on route " + route.routeId();
    }

    String finish(Connection tx, DriverAction a) throws SQLException {
        RouteRow route = a.routeId().isPresent() ? owned(tx, a.driverId(), a.routeId().get())
                : routes.routesOf(tx, a.driverId()).stream().filter(r -> r.status() == RouteStatus.STARTED)
                .findFirst().orElseThrow(() -> new DispatchException(DispatchErrorCode.WRONG_STATE,
                        "Driver " + a.driverId() + " has no started route to finish"));
        if (route.status() != RouteStatus.STARTED) {
            throw new DispatchException(DispatchErrorCode.WRONG_STATE, "Route " + route.routeId() + " is "
                    + route.status() + ", only a STARTED route can finish");
        }
        List<String> open = routes.stops(tx, route.routeId()).stream().filter(s -> !s.status().done())
                .map(StopRow::stopId).toList();
        if (!open.isEmpty()) {
            throw new DispatchException(DispatchErrorCode.WRONG_STATE, "Route " + route.routeId()
                    + " still has open stops " + open);
        }
        double back = calculator.metres(route.position(), route.depot());
        update(tx, "UPDATE dispatch_route SET status = 'FINISHED', finished_at = ?,"
                + " actual_distance_m = actual_distance_m + ?, last_lat = ?, last_lon = ? WHERE route_id = ?",
                ts(a.at()), back, route.depot().lat(), route.depot().lon(), route.routeId());
        RouteRow done = routes.route(tx, route.routeId()).orElseThrow();
        ObjectNode p = outbox.payload("route-finished", a.at());
        p.put("routeId", route.routeId());
        p.put("driverId", a.driverId());
        p.put("plannedDistanceM", done.plannedDistanceM());
        p.put("actualDistanceM", done.actualDistanceM());
        p.put("plannedSeconds", done.plannedDuration().toSeconds());
        p.put("actualSeconds", java.time.Duration.between(done.startedAt().orElseThrow(), a.at()).toSeconds());
        outbox.append(tx, p);
        return "route " + route.routeId() + " finished";
    }

    private RouteRow owned(Connection tx, String driverId, String routeId) throws SQLException {
        RouteRow r = routes.route(tx, routeId).orElseThrow(() -> new DispatchException(DispatchErrorCode.NOT_FOUND,
                "There is no route " + routeId));
        if (!r.driverId().equals(Optional.of(driverId))) {
            throw new DispatchException(DispatchErrorCode.NOT_YOUR_STOP, "Route " + routeId + " is not assigned to "
                    + driverId);
        }
        return r;
    }

    /** Why a reported position must not move the truck ("late", "implausible"), or "" when it may. */
    private String ignoredBecause(JdbcRouteStore.DriverRow driver, GeoPoint at, Instant when) {
        if (driver.lastSeen().isEmpty() || driver.lastPosition().isEmpty()) {
            return "";
        }
        Instant seen = driver.lastSeen().get();
        if (when.isBefore(seen)) {
            return "late";
        }
        double metres = calculator.metres(driver.lastPosition().get(), at);
        double seconds = Math.max(1, java.time.Duration.between(seen, when).toMillis() / 1000.0);
        return metres > MIN_JUMP_METRES && metres / seconds > MAX_SPEED_M_PER_S ? "implausible" : "";
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
