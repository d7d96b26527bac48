package dev.wedge.edge.dispatch.plan;

import static dev.wedge.edge.dispatch.store.JdbcRouteStore.update;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.dispatch.eta.EtaCalculator;
import dev.wedge.edge.dispatch.model.DispatchErrorCode;
import dev.wedge.edge.dispatch.model.DispatchException;
import dev.wedge.edge.dispatch.model.GeoPoint;
import dev.wedge.edge.dispatch.model.RouteStatus;
import dev.wedge.edge.dispatch.relay.RouteSheets;
import dev.wedge.edge.dispatch.store.DispatchOutbox;
import dev.wedge.edge.dispatch.store.JdbcRouteStore;
import dev.wedge.edge.dispatch.store.JdbcRouteStore.DriverRow;
import dev.wedge.edge.dispatch.store.RouteRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who drives what. A driver is available for a route when the shift covers the route's planned times and no other
 * unfinished route of the driver overlaps them. Planned routes go to the available driver with the least work
 * assigned; a same-day addition goes to the nearest driver on the road (by last position) whose shift lasts long
 * enough to get there.
 */
public final class DriverAssigner {
    private final JdbcRouteStore routes = new JdbcRouteStore();
    private final DispatchOutbox outbox;
    private final RouteSheets sheets;
    private final EtaCalculator travel;

    public DriverAssigner(DispatchOutbox outbox, EtaCalculator travel) {
        this.outbox = outbox;
        this.sheets = new RouteSheets(outbox);
        this.travel = travel;
    }

    /** Assigns every unassigned planned route it can; returns route id to driver id, and leaves the rest. */
    public Map<String, String> assignAll(Connection tx, Instant now) throws SQLException {
        Map<String, String> done = new java.util.LinkedHashMap<>();
        List<RouteRow> all = new ArrayList<>(routes.routes(tx));
        for (RouteRow r : all.stream().filter(r -> r.driverId().isEmpty() && r.status() == RouteStatus.PLANNED)
                .toList()) {
            List<RouteRow> current = routes.routes(tx);
            Optional<DriverRow> best = routes.drivers(tx).stream()
                    .filter(d -> available(d, r, current))
                    .min(Comparator.comparingLong((DriverRow d) -> workSeconds(d, current))
                            .thenComparing(DriverRow::driverId));
            if (best.isPresent()) {
                setDriver(tx, r, best.get().driverId(), "auto", now);
                done.put(r.routeId(), best.get().driverId());
            }
        }
        return done;
    }

    /** A dispatcher's choice: gives the route to {@code driverId} if that driver is available for it. */
    public void reassign(Connection tx, String routeId, String driverId, Instant now) throws SQLException {
        RouteRow r = routes.route(tx, routeId).orElseThrow(() -> new DispatchException(DispatchErrorCode.NOT_FOUND,
                "There is no route " + routeId));
        DriverRow d = routes.driver(tx, driverId).orElseThrow(() -> new DispatchException(
                DispatchErrorCode.NOT_FOUND, "There is no driver " + driverId));
        if (r.status() == RouteStatus.FINISHED) {
            throw new DispatchException(DispatchErrorCode.WRONG_STATE, "Route " + routeId + " is finished");
        }
        if (r.status() == RouteStatus.STARTED) {
            throw new DispatchException(DispatchErrorCode.WRONG_STATE, "Route " + routeId
                    + " is on the road with its truck; re-plan its stops instead");
        }
        if (!available(d, r, routes.routes(tx))) {
            throw new DispatchException(DispatchErrorCode.NO_DRIVER, "Driver " + driverId + " is not available for "
                    + routeId + " (shift " + d.shiftStart() + " .. " + d.shiftEnd() + " or another route overlaps)");
        }
        setDriver(tx, r, driverId, "dispatcher", now);
    }

    /** The nearest driver on the road who can still reach {@code point} before the shift ends. */
    public Optional<RouteRow> nearestOnRoad(Connection tx, GeoPoint point, Instant now) throws SQLException {
        List<RouteRow> candidates = new ArrayList<>();
        for (RouteRow r : routes.routes(tx)) {
            if (r.status() == RouteStatus.STARTED && r.driverId().isPresent()) {
                DriverRow d = routes.driver(tx, r.driverId().get()).orElseThrow();
                if (now.plus(travel.driving(r.position(), point)).isBefore(d.shiftEnd())) {
                    candidates.add(r);
                }
            }
        }
        return candidates.stream().min(Comparator.comparingDouble((RouteRow r) -> travel.metres(r.position(), point))
                .thenComparing(RouteRow::routeId));
    }

    static boolean available(DriverRow d, RouteRow r, List<RouteRow> all) {
        if (r.plannedStart().isBefore(d.shiftStart()) || r.plannedEnd().isAfter(d.shiftEnd())) {
            return false;
        }
        return all.stream().filter(o -> !o.routeId().equals(r.routeId()) && o.status() != RouteStatus.FINISHED)
                .filter(o -> o.driverId().equals(Optional.of(d.driverId())))
                .noneMatch(o -> o.plannedStart().isBefore(r.plannedEnd()) && r.plannedStart().isBefore(o.plannedEnd()));
    }

    private static long workSeconds(DriverRow d, List<RouteRow> all) {
        return all.stream().filter(o -> o.driverId().equals(Optional.of(d.driverId())))
                .mapToLong(o -> o.plannedDuration().toSeconds()).sum();
    }

    private void setDriver(Connection tx, RouteRow r, String driverId, String by, Instant now) throws SQLException {
        update(tx, "UPDATE dispatch_route SET driver_id = ? WHERE route_id = ?", driverId, r.routeId());
        ObjectNode p = outbox.payload("assigned", now);
        p.put("routeId", r.routeId());
        p.put("driverId", driverId);
        r.driverId().ifPresent(old -> p.put("previousDriverId", old));
        p.put("by", by);
        outbox.append(tx, p);
        sheets.publish(tx, r.routeId(), now);
    }
}
