package dev.wedge.edge.dispatch.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.dispatch.model.DeliveryOrder;
import dev.wedge.edge.dispatch.model.DispatchErrorCode;
import dev.wedge.edge.dispatch.model.DispatchException;
import dev.wedge.edge.dispatch.model.GeoPoint;
import dev.wedge.edge.dispatch.relay.RouteSheets;
import dev.wedge.edge.dispatch.store.DispatchOutbox;
import dev.wedge.edge.dispatch.store.JdbcRouteStore;
import dev.wedge.edge.dispatch.track.TrackingTokens;
import dev.wedge.routing.plan.Plan;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.plan.Visit;
import dev.wedge.routing.plan.VisitKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the routing module's plan into dispatch routes and stops: one route per planned trip, stops in visit
 * order with the planned arrival, a fresh tracking token per stop. Plan times are seconds after {@code origin}.
 */
public final class PlanImporter {
    private final JdbcRouteStore routes = new JdbcRouteStore();
    private final TrackingTokens tokens = new TrackingTokens();
    private final DispatchOutbox outbox;
    private final RouteSheets sheets;
    private final Duration tokenValidity;

    public PlanImporter(DispatchOutbox outbox, Duration tokenValidity) {
        this.outbox = outbox;
        this.sheets = new RouteSheets(outbox);
        this.tokenValidity = tokenValidity;
    }

    /**
     * Stores every route of the plan inside {@code tx}, with the route ids {@code <prefix>-<vehicle>-<trip>}.
     *
     * @throws DispatchException NOT_FOUND when a visit names a stop that is not among {@code orders}
     */
    public List<String> importPlan(Connection tx, String prefix, Plan plan, Instant origin, GeoPoint depot,
                                   List<DeliveryOrder> orders) throws SQLException {
        Map<String, DeliveryOrder> byId = orders.stream()
                .collect(Collectors.toMap(DeliveryOrder::stopId, Function.identity()));
        List<String> ids = new ArrayList<>();
        for (Route r : plan.routes()) {
            String routeId = prefix + "-" + r.vehicleId() + "-" + r.trip();
            Instant end = at(origin, r.returnTime());
            routes.insertRoute(tx, routeId, r.vehicleId(), depot, at(origin, r.departure()), end, r.distance());
            int seq = 1;
            for (Visit v : r.visits()) {
                if (v.kind() == VisitKind.BREAK) {
                    continue;
                }
                DeliveryOrder o = byId.get(v.stopId());
                if (o == null) {
                    throw new DispatchException(DispatchErrorCode.NOT_FOUND, "The plan visits stop " + v.stopId()
                            + ", which is not among the delivery orders");
                }
                Instant expires = (o.windowEnd().isAfter(end) ? o.windowEnd() : end).plus(tokenValidity);
                routes.insertStop(tx, routeId, seq++, o, at(origin, v.arrival()), tokens.next(), expires);
            }
            ObjectNode p = outbox.payload("route-planned", origin);
            p.put("routeId", routeId);
            p.put("vehicleId", r.vehicleId());
            p.put("stops", seq - 1);
            p.put("plannedDistanceM", r.distance());
            outbox.append(tx, p);
            sheets.publish(tx, routeId, origin);
            ids.add(routeId);
        }
        return ids;
    }

    static Instant at(Instant origin, double seconds) {
        return origin.plusMillis(Math.round(seconds * 1000));
    }
}
