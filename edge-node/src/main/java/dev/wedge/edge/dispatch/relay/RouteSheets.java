package dev.wedge.edge.dispatch.relay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.dispatch.model.ProofPolicy;
import dev.wedge.edge.dispatch.store.DispatchOutbox;
import dev.wedge.edge.dispatch.store.JdbcRouteStore;
import dev.wedge.edge.dispatch.store.RouteRow;
import dev.wedge.edge.dispatch.store.StopRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * {@code dispatch.route-sheet}: one route as it stands (driver, stops in order with addresses, windows, packages and
 * the customer's proof rules), sent to HQ whenever the plan of the route changes (planned, assigned, re-planned).
 * HQ builds its driver app's day from these sheets and the drivers' own events, so it never needs the edge's
 * tables. A sheet replaces the previous one of the same route; a stop moved to another route arrives in that
 * route's sheet.
 */
public final class RouteSheets {
    private final DispatchOutbox outbox;
    private final JdbcRouteStore routes = new JdbcRouteStore();

    public RouteSheets(DispatchOutbox outbox) {
        this.outbox = outbox;
    }

    /** Appends the sheet of the route, in the caller's transaction. */
    public void publish(Connection tx, String routeId, Instant at) throws SQLException {
        RouteRow r = routes.route(tx, routeId).orElseThrow();
        ObjectNode p = outbox.payload("route-sheet", at);
        p.put("routeId", r.routeId());
        p.put("vehicleId", r.vehicleId());
        p.put("status", r.status().name());
        p.put("plannedStart", r.plannedStart().toString());
        p.put("plannedEnd", r.plannedEnd().toString());
        p.put("plannedDistanceM", r.plannedDistanceM());
        p.putObject("depot").put("lat", r.depot().lat()).put("lon", r.depot().lon());
        if (r.driverId().isPresent()) {
            JdbcRouteStore.DriverRow d = routes.driver(tx, r.driverId().get()).orElseThrow();
            p.putObject("driver").put("driverId", d.driverId()).put("name", d.name())
                    .put("shiftStart", d.shiftStart().toString()).put("shiftEnd", d.shiftEnd().toString());
        }
        ArrayNode stops = p.putArray("stops");
        for (StopRow s : routes.stops(tx, routeId)) {
            stops.add(stop(tx, s));
        }
        outbox.append(tx, p);
    }

    private ObjectNode stop(Connection tx, StopRow s) throws SQLException {
        ObjectNode n = outbox.json().createObjectNode();
        n.put("stopId", s.stopId());
        n.put("seq", s.seq());
        JdbcRouteStore.CustomerRow c = routes.customer(tx, s.customerId()).orElseThrow();
        ProofPolicy rules = c.policy();
        n.putObject("customer").put("customerId", c.customerId()).put("name", c.name())
                .put("signature", rules.signature().name()).put("photo", rules.photo().name())
                .put("sscc", rules.sscc().name());
        n.put("address", s.address());
        n.put("notes", s.notes());
        n.put("lat", s.point().lat());
        n.put("lon", s.point().lon());
        n.put("windowStart", s.windowStart().toString());
        n.put("windowEnd", s.windowEnd().toString());
        n.put("serviceSeconds", s.serviceSeconds());
        n.put("plannedArrival", s.plannedArrival().toString());
        s.eta().ifPresent(e -> n.put("eta", e.toString()));
        n.put("status", s.status().name());
        ArrayNode packages = n.putArray("packages");
        routes.packages(tx, s.stopId()).forEach(packages::add);
        return n;
    }
}
