package dev.wedge.edge.dispatch.driver;

import static dev.wedge.edge.dispatch.store.JdbcRouteStore.ts;
import static dev.wedge.edge.dispatch.store.JdbcRouteStore.update;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.dispatch.eta.EtaTracker;
import dev.wedge.edge.dispatch.model.DispatchErrorCode;
import dev.wedge.edge.dispatch.model.DispatchException;
import dev.wedge.edge.dispatch.model.ProofPolicy;
import dev.wedge.edge.dispatch.model.RouteStatus;
import dev.wedge.edge.dispatch.model.StopStatus;
import dev.wedge.edge.dispatch.notify.NotificationEvent;
import dev.wedge.edge.dispatch.notify.NotificationQueue;
import dev.wedge.edge.dispatch.store.DispatchOutbox;
import dev.wedge.edge.dispatch.store.JdbcProofStore;
import dev.wedge.edge.dispatch.store.JdbcRouteStore;
import dev.wedge.edge.dispatch.store.RouteRow;
import dev.wedge.edge.dispatch.store.StopRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Stop-level driver actions: arrive, deliver with proof, fail with a reason. Inside the caller's transaction. */
final class StopOutcomes {
    private final JdbcRouteStore routes = new JdbcRouteStore();
    private final JdbcProofStore proofs = new JdbcProofStore();
    private final DispatchOutbox outbox;
    private final NotificationQueue notifications;
    private final EtaTracker etas;

    StopOutcomes(DispatchOutbox outbox, NotificationQueue notifications, EtaTracker etas) {
        this.outbox = outbox;
        this.notifications = notifications;
        this.etas = etas;
    }

    String arrive(Connection tx, DriverAction a, Instant now) throws SQLException {
        StopRow stop = openStop(tx, a);
        if (stop.status() != StopStatus.PENDING) {
            throw new DispatchException(DispatchErrorCode.WRONG_STATE, "Stop " + stop.stopId() + " is "
                    + stop.status() + ", the driver can only arrive at a PENDING stop");
        }
        update(tx, "UPDATE dispatch_stop SET status = 'ARRIVED', arrived_at = ? WHERE stop_id = ?", ts(a.at()),
                stop.stopId());
        atStop(tx, stop, a);
        ObjectNode p = event("arrived", a, stop);
        outbox.append(tx, p);
        etas.refresh(tx, routes.route(tx, stop.routeId()).orElseThrow(), RouteProgress.later(a.at(), now));
        return "arrived at " + stop.stopId();
    }

    String deliver(Connection tx, DriverAction a, Instant now) throws SQLException {
        StopRow stop = openStop(tx, a);
        ProofPolicy policy = routes.customer(tx, stop.customerId()).orElseThrow().policy();
        ProofCheck.Checked proof = ProofCheck.check(a, stop.stopId(), policy, routes.packages(tx, stop.stopId()));
        for (JdbcProofStore.Proof image : proof.images()) {
            proofs.insert(tx, image);
        }
        for (String sscc : proof.scanned()) {
            proofs.markScanned(tx, stop.stopId(), sscc, a.at());
        }
        String warnings = proof.warnings().isEmpty() ? null : String.join("; ", proof.warnings());
        complete(tx, stop, a, "DELIVERED", null, warnings);
        ObjectNode p = event("delivered", a, stop);
        ArrayNode scanned = p.putArray("ssccs");
        proof.scanned().forEach(scanned::add);
        ArrayNode images = p.putArray("proofs");
        for (JdbcProofStore.Proof image : proof.images()) {
            images.addObject().put("kind", image.kind().name()).put("contentType", image.contentType())
                    .put("sha256", image.sha256()).put("data", Base64.getEncoder().encodeToString(image.data()));
        }
        if (warnings != null) {
            p.put("warnings", warnings);
        }
        outbox.append(tx, p);
        notifications.queue(tx, NotificationEvent.DELIVERED, routes.stop(tx, stop.stopId()).orElseThrow(), a.at());
        etas.refresh(tx, routes.route(tx, stop.routeId()).orElseThrow(), RouteProgress.later(a.at(), now));
        return "delivered " + stop.stopId() + (warnings == null ? "" : " with warnings: " + warnings);
    }

    String fail(Connection tx, DriverAction a, Instant now) throws SQLException {
        StopRow stop = openStop(tx, a);
        String reason = a.reason().orElseThrow().name();
        complete(tx, stop, a, "FAILED", reason, null);
        ObjectNode p = event("failed", a, stop);
        p.put("reason", reason);
        p.put("note", a.note());
        outbox.append(tx, p);
        notifications.queue(tx, NotificationEvent.FAILED, routes.stop(tx, stop.stopId()).orElseThrow(), a.at());
        etas.refresh(tx, routes.route(tx, stop.routeId()).orElseThrow(), RouteProgress.later(a.at(), now));
        return "failed " + stop.stopId() + ": " + reason;
    }

    private void complete(Connection tx, StopRow stop, DriverAction a, String status, String reason, String warnings)
            throws SQLException {
        update(tx, "UPDATE dispatch_stop SET status = ?, arrived_at = COALESCE(arrived_at, ?), completed_at = ?,"
                + " fail_reason = ?, fail_note = ?, proof_warnings = ?, eta = NULL WHERE stop_id = ?", status,
                ts(a.at()), ts(a.at()), reason, reason == null ? null : a.note(), JdbcRouteStore.fittedWarnings(warnings), stop.stopId());
        atStop(tx, stop, a);
    }

    /**
     * The warnings as the stop's 500-character column holds them: a stop of many cartons lists more unscanned
     * SSCCs than that, and the delivery must not fail for it (the full text is in the delivered event).
     */

    /**
     * The truck is at the stop: there the route's position, and the driver's last fix unless a newer one came in,
     * so the next reported position is judged against where the driver really was.
     */
    private static void atStop(Connection tx, StopRow stop, DriverAction a) throws SQLException {
        update(tx, "UPDATE dispatch_route SET last_lat = ?, last_lon = ? WHERE route_id = ?", stop.point().lat(),
                stop.point().lon(), stop.routeId());
        update(tx, "UPDATE dispatch_driver SET last_lat = ?, last_lon = ?, last_seen = ? WHERE driver_id = ?"
                + " AND (last_seen IS NULL OR last_seen <= ?)", stop.point().lat(), stop.point().lon(), ts(a.at()),
                a.driverId(), ts(a.at()));
    }

    /** The action's stop, locked, on a started route of the acting driver, and not done yet. */
    private StopRow openStop(Connection tx, DriverAction a) throws SQLException {
        String id = a.stopId().orElseThrow();
        StopRow stop = routes.stopForUpdate(tx, id).orElseThrow(() -> new DispatchException(
                DispatchErrorCode.NOT_FOUND, "There is no stop " + id));
        RouteRow route = routes.route(tx, stop.routeId()).orElseThrow();
        if (!route.driverId().equals(Optional.of(a.driverId()))) {
            throw new DispatchException(DispatchErrorCode.NOT_YOUR_STOP, "Stop " + id + " is on route "
                    + route.routeId() + ", which is not assigned to driver " + a.driverId());
        }
        if (route.status() != RouteStatus.STARTED) {
            throw new DispatchException(DispatchErrorCode.WRONG_STATE, "Route " + route.routeId() + " of stop " + id
                    + " is " + route.status() + "; start it first");
        }
        if (stop.status().done()) {
            throw new DispatchException(DispatchErrorCode.WRONG_STATE, "Stop " + id + " is already " + stop.status());
        }
        return stop;
    }

    private ObjectNode event(String event, DriverAction a, StopRow stop) {
        ObjectNode p = outbox.payload(event, a.at());
        p.put("routeId", stop.routeId());
        p.put("stopId", stop.stopId());
        p.put("driverId", a.driverId());
        p.put("customerId", stop.customerId());
        p.put("windowStart", stop.windowStart().toString());
        p.put("windowEnd", stop.windowEnd().toString());
        return p;
    }
}
