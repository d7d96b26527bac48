package dev.wedge.edge.dispatch.plan;

import static dev.wedge.edge.dispatch.store.JdbcRouteStore.update;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.dispatch.eta.EtaTracker;
import dev.wedge.edge.dispatch.model.DeliveryOrder;
import dev.wedge.edge.dispatch.model.DispatchErrorCode;
import dev.wedge.edge.dispatch.model.DispatchException;
import dev.wedge.edge.dispatch.model.RouteStatus;
import dev.wedge.edge.dispatch.model.StopStatus;
import dev.wedge.edge.dispatch.relay.RouteSheets;
import dev.wedge.edge.dispatch.store.DispatchOutbox;
import dev.wedge.edge.dispatch.store.JdbcRouteStore;
import dev.wedge.edge.dispatch.store.RouteRow;
import dev.wedge.edge.dispatch.store.StopRow;
import dev.wedge.edge.dispatch.track.TrackingTokens;
import dev.wedge.routing.cost.TravelCosts;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.plan.Plan;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.plan.UnassignedJob;
import dev.wedge.routing.plan.Visit;
import dev.wedge.routing.solve.RouteSolver;
import dev.wedge.routing.solve.SolveOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Re-plans the rest of the day through the routing module's solver: every unfinished route becomes a vehicle
 * that starts where its truck is now, every pending stop a job. Stops of a route already on the road stay on
 * that truck (their goods are aboard) and are only re-sequenced; stops of routes still at the dock may move to
 * another route. A pinned stop goes to the pinned driver's route. Stops the solver cannot place keep their route
 * and go last, and are reported.
 */
public final class Replanner {
    private final JdbcRouteStore routes = new JdbcRouteStore();
    private final TrackingTokens tokens = new TrackingTokens();
    private final RouteSolver solver;
    private final TravelCosts costs;
    private final EtaTracker etas;
    private final DispatchOutbox outbox;
    private final RouteSheets sheets;
    private final Duration tokenValidity;

    /** What the re-plan did: the route each job landed on, and the jobs it could not place. */
    public record Outcome(java.util.Map<String, String> routeByStop, List<UnassignedJob> unassigned) {
    }

    public Replanner(RouteSolver solver, TravelCosts costs, EtaTracker etas, DispatchOutbox outbox,
                     Duration tokenValidity) {
        this.solver = solver;
        this.costs = costs;
        this.etas = etas;
        this.outbox = outbox;
        this.sheets = new RouteSheets(outbox);
        this.tokenValidity = tokenValidity;
    }

    /** Pins a pending stop to the driver's current (or next) route and re-plans the rest. */
    public Outcome pin(Connection tx, String stopId, String driverId, Instant now) throws SQLException {
        StopRow stop = routes.stopForUpdate(tx, stopId).orElseThrow(() -> new DispatchException(
                DispatchErrorCode.NOT_FOUND, "There is no stop " + stopId));
        if (stop.status() != StopStatus.PENDING) {
            throw new DispatchException(DispatchErrorCode.WRONG_STATE, "Stop " + stopId + " is " + stop.status()
                    + "; only a PENDING stop can be pinned");
        }
        RouteRow target = routeOf(tx, driverId);
        RouteRow current = routes.route(tx, stop.routeId()).orElseThrow();
        if (current.status() == RouteStatus.STARTED && !current.routeId().equals(target.routeId())) {
            throw new DispatchException(DispatchErrorCode.WRONG_STATE, "Stop " + stopId + "'s goods are on route "
                    + current.routeId() + ", which is on the road; it cannot move to " + target.routeId());
        }
        update(tx, "UPDATE dispatch_stop SET pinned_driver = ? WHERE stop_id = ?", driverId, stopId);
        return replan(tx, Optional.empty(), now);
    }

    /**
     * Adds a same-day stop: pinned to {@code driverId} when given, else to the nearest driver on the road chosen by
     * {@code assigner}, else to the first unfinished route; then re-plans the rest.
     */
    public Outcome add(Connection tx, DeliveryOrder order, Optional<String> driverId, DriverAssigner assigner,
                       Instant now) throws SQLException {
        if (routes.stop(tx, order.stopId()).isPresent()) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "Stop " + order.stopId() + " already exists");
        }
        if (routes.customer(tx, order.customerId()).isEmpty()) {
            throw new DispatchException(DispatchErrorCode.NOT_FOUND, "There is no customer " + order.customerId());
        }
        Optional<RouteRow> chosen = driverId.isPresent() ? Optional.of(routeOf(tx, driverId.get()))
                : assigner.nearestOnRoad(tx, order.point(), now);
        if (chosen.isEmpty()) {
            chosen = unfinished(tx).stream().findFirst();
        }
        RouteRow target = chosen.orElseThrow(() -> new DispatchException(DispatchErrorCode.NO_DRIVER,
                "No unfinished route can take stop " + order.stopId()));
        Instant expires = order.windowEnd().plus(tokenValidity);
        routes.insertStop(tx, target.routeId(), Integer.MAX_VALUE / 2, order, now, tokens.next(), expires);
        update(tx, "UPDATE dispatch_stop SET pinned_driver = ? WHERE stop_id = ?",
                target.driverId().orElse(null), order.stopId());
        return replan(tx, Optional.of(target), now);
    }

    private Outcome replan(Connection tx, Optional<RouteRow> fallback, Instant now) throws SQLException {
        List<RouteRow> open = unfinished(tx);
        ReplanProblem built = ReplanProblem.build(open, tx, routes, now);
        Problem problem = built.problem();
        Plan plan = solver.solve(problem, costs, SolveOptions.forIterations(50, 17).withThreads(1));
        java.util.Map<String, String> landed = new java.util.LinkedHashMap<>();
        built.renumberKept(tx);
        for (Route r : plan.routes()) {
            int seq = built.keptCount(r.vehicleId()) + 1;
            for (Visit v : r.visits()) {
                if (v.stopId().equals(v.jobId())) {
                    update(tx, "UPDATE dispatch_stop SET route_id = ?, seq = ? WHERE stop_id = ?", r.vehicleId(),
                            seq++, v.stopId());
                    landed.put(v.stopId(), r.vehicleId());
                }
            }
        }
        for (UnassignedJob u : plan.unassigned()) {
            String routeId = built.routeOf(u.jobId()).orElseGet(() -> fallback.orElseThrow().routeId());
            update(tx, "UPDATE dispatch_stop SET seq = ? WHERE stop_id = ?", 10_000 + landed.size(), u.jobId());
            landed.put(u.jobId(), routeId);
        }
        ObjectNode p = outbox.payload("replanned", now);
        ObjectNode moves = p.putObject("routeByStop");
        landed.forEach(moves::put);
        p.putArray("unassigned").addAll(plan.unassigned().stream().map(u -> outbox.json().createObjectNode()
                .put("stopId", u.jobId()).put("reason", u.reason().name()).put("detail", u.detail())).toList());
        outbox.append(tx, p);
        for (RouteRow r : open) {
            RouteRow fresh = routes.route(tx, r.routeId()).orElseThrow();
            etas.refresh(tx, fresh, now);
            if (fresh.status() == RouteStatus.PLANNED) {
                for (StopRow s : routes.stops(tx, r.routeId())) {
                    update(tx, "UPDATE dispatch_stop SET planned_arrival = COALESCE(eta, planned_arrival)"
                            + " WHERE stop_id = ?", s.stopId());
                }
            }
            sheets.publish(tx, r.routeId(), now);
        }
        return new Outcome(landed, plan.unassigned());
    }

    private RouteRow routeOf(Connection tx, String driverId) throws SQLException {
        routes.driver(tx, driverId).orElseThrow(() -> new DispatchException(DispatchErrorCode.NOT_FOUND,
                "There is no driver " + driverId));
        List<RouteRow> own = routes.routesOf(tx, driverId).stream()
                .filter(r -> r.status() != RouteStatus.FINISHED).toList();
        return own.stream().filter(r -> r.status() == RouteStatus.STARTED).findFirst()
                .or(() -> own.stream().findFirst())
                .orElseThrow(() -> new DispatchException(DispatchErrorCode.NO_DRIVER, "Driver " + driverId
                        + " has no unfinished route to take the stop"));
    }

    private List<RouteRow> unfinished(Connection tx) throws SQLException {
        return routes.routes(tx).stream().filter(r -> r.status() != RouteStatus.FINISHED).toList();
    }
}
