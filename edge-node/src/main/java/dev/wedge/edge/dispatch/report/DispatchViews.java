package dev.wedge.edge.dispatch.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.dispatch.model.DispatchErrorCode;
import dev.wedge.edge.dispatch.model.DispatchException;
import dev.wedge.edge.dispatch.model.ProofPolicy;
import dev.wedge.edge.dispatch.store.JdbcActionLog;
import dev.wedge.edge.dispatch.store.JdbcProofStore;
import dev.wedge.edge.dispatch.store.JdbcRouteStore;
import dev.wedge.edge.dispatch.store.RouteRow;
import dev.wedge.edge.dispatch.store.StopRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The JSON documents of the driver app and the supervisor view. Stateless and thread-safe. */
public final class DispatchViews {
    private final JdbcRouteStore routes = new JdbcRouteStore();
    private final JdbcProofStore proofs = new JdbcProofStore();
    private final JdbcActionLog log = new JdbcActionLog();
    private final ObjectMapper json = new ObjectMapper();

    /** A driver's day: each unfinished or finished route with its stops in order and what each customer requires. */
    public ObjectNode driverDay(Connection c, String driverId, Instant now) throws SQLException {
        var driver = routes.driver(c, driverId).orElseThrow(() -> new DispatchException(DispatchErrorCode.NOT_FOUND,
                "There is no driver " + driverId));
        ObjectNode day = json.createObjectNode();
        day.put("driverId", driverId);
        day.put("name", driver.name());
        day.put("shiftStart", driver.shiftStart().toString());
        day.put("shiftEnd", driver.shiftEnd().toString());
        day.put("serverTime", now.toString());
        ArrayNode list = day.putArray("routes");
        for (RouteRow r : routes.routesOf(c, driverId)) {
            list.add(route(c, r, true));
        }
        return day;
    }

    /** Every route with its stops, ETAs and proof summaries, and the alerts: the supervisor's overview. */
    public ObjectNode overview(Connection c, Instant now) throws SQLException {
        ObjectNode o = json.createObjectNode();
        o.put("serverTime", now.toString());
        ArrayNode list = o.putArray("routes");
        for (RouteRow r : routes.routes(c)) {
            list.add(route(c, r, false));
        }
        ArrayNode drivers = o.putArray("drivers");
        for (var d : routes.drivers(c)) {
            ObjectNode n = drivers.addObject().put("driverId", d.driverId()).put("name", d.name())
                    .put("shiftStart", d.shiftStart().toString()).put("shiftEnd", d.shiftEnd().toString());
            d.lastPosition().ifPresent(p -> n.put("lat", p.lat()).put("lon", p.lon()));
        }
        ArrayNode alerts = o.putArray("alerts");
        for (JdbcActionLog.Alert a : log.alerts(c)) {
            ObjectNode n = alerts.addObject().put("alertId", a.alertId()).put("routeId", a.routeId())
                    .put("kind", a.kind()).put("message", a.message()).put("raisedAt", a.raisedAt().toString());
            a.stopId().ifPresent(s -> n.put("stopId", s));
        }
        return o;
    }

    private ObjectNode route(Connection c, RouteRow r, boolean forDriver) throws SQLException {
        ObjectNode n = json.createObjectNode();
        n.put("routeId", r.routeId());
        n.put("vehicleId", r.vehicleId());
        n.put("driverId", r.driverId().orElse(null));
        n.put("status", r.status().name());
        n.put("plannedStart", r.plannedStart().toString());
        n.put("plannedEnd", r.plannedEnd().toString());
        n.putObject("depot").put("lat", r.depot().lat()).put("lon", r.depot().lon());
        r.lastPosition().ifPresent(p -> n.putObject("position").put("lat", p.lat()).put("lon", p.lon()));
        ArrayNode stops = n.putArray("stops");
        for (StopRow s : routes.stops(c, r.routeId())) {
            stops.add(stop(c, s, forDriver));
        }
        return n;
    }

    private ObjectNode stop(Connection c, StopRow s, boolean forDriver) throws SQLException {
        ObjectNode n = json.createObjectNode();
        n.put("stopId", s.stopId());
        n.put("seq", s.seq());
        var customer = routes.customer(c, s.customerId()).orElseThrow();
        n.put("customer", customer.name());
        n.put("address", s.address());
        n.put("notes", s.notes());
        n.put("lat", s.point().lat());
        n.put("lon", s.point().lon());
        n.put("geo", "geo:" + s.point().lat() + "," + s.point().lon() + "?q=" + s.point().lat() + ","
                + s.point().lon());
        n.put("windowStart", s.windowStart().toString());
        n.put("windowEnd", s.windowEnd().toString());
        n.put("plannedArrival", s.plannedArrival().toString());
        s.eta().ifPresent(e -> n.put("eta", e.toString()));
        n.put("status", s.status().name());
        s.arrivedAt().ifPresent(t -> n.put("arrivedAt", t.toString()));
        s.completedAt().ifPresent(t -> n.put("completedAt", t.toString()));
        s.failReason().ifPresent(t -> n.put("failReason", t));
        s.proofWarnings().ifPresent(t -> n.put("proofWarnings", t));
        ProofPolicy p = customer.policy();
        n.putObject("proof").put("signature", p.signature().name()).put("photo", p.photo().name())
                .put("sscc", p.sscc().name());
        ArrayNode packages = n.putArray("packages");
        routes.packages(c, s.stopId()).forEach(packages::add);
        if (!forDriver) {
            n.put("trackingToken", s.trackingToken());
            ArrayNode stored = n.putArray("proofs");
            for (JdbcProofStore.ProofSummary ps : proofs.summaries(c, s.stopId())) {
                stored.addObject().put("kind", ps.kind().name()).put("contentType", ps.contentType())
                        .put("bytes", ps.bytes()).put("sha256", ps.sha256())
                        .put("url", "/api/dispatch/stops/" + s.stopId() + "/proof/" + ps.kind().name().toLowerCase());
            }
            ArrayNode scanned = n.putArray("scanned");
            proofs.scanned(c, s.stopId()).forEach(scanned::add);
        }
        return n;
    }

    /** The stop's proof summaries as JSON, or NOT_FOUND. */
    public ObjectNode proofOf(Connection c, String stopId) throws SQLException {
        Optional<StopRow> s = routes.stop(c, stopId);
        if (s.isEmpty()) {
            throw new DispatchException(DispatchErrorCode.NOT_FOUND, "There is no stop " + stopId);
        }
        return stop(c, s.get(), false);
    }
}
