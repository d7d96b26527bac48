package dev.wedge.edge.dispatch.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.dispatch.model.StopStatus;
import dev.wedge.edge.dispatch.store.JdbcRouteStore;
import dev.wedge.edge.dispatch.store.RouteRow;
import dev.wedge.edge.dispatch.store.StopRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Delivery metrics for the supervisor view and HQ reports: on-time rate (delivered stops whose arrival was inside
 * the window, over all delivered stops), planned against actual distance and time per route, failed deliveries
 * by reason.
 */
public final class DispatchMetrics {
    private final JdbcRouteStore routes = new JdbcRouteStore();
    private final ObjectMapper json = new ObjectMapper();

    public ObjectNode metrics(Connection c) throws SQLException {
        ObjectNode m = json.createObjectNode();
        int delivered = 0;
        int onTime = 0;
        Map<String, Integer> failures = new TreeMap<>();
        ArrayNode list = m.putArray("routes");
        for (RouteRow r : routes.routes(c)) {
            ObjectNode n = list.addObject();
            n.put("routeId", r.routeId());
            n.put("driverId", r.driverId().orElse(null));
            n.put("status", r.status().name());
            n.put("plannedDistanceM", Math.round(r.plannedDistanceM()));
            n.put("actualDistanceM", Math.round(r.actualDistanceM()));
            n.put("plannedSeconds", r.plannedDuration().toSeconds());
            if (r.startedAt().isPresent() && r.finishedAt().isPresent()) {
                n.put("actualSeconds", Duration.between(r.startedAt().get(), r.finishedAt().get()).toSeconds());
            } else {
                n.putNull("actualSeconds");
            }
            int routeDelivered = 0;
            int routeFailed = 0;
            for (StopRow s : routes.stops(c, r.routeId())) {
                if (s.status() == StopStatus.DELIVERED) {
                    delivered++;
                    routeDelivered++;
                    if (!s.arrivedAt().orElseThrow().isAfter(s.windowEnd())) {
                        onTime++;
                    }
                } else if (s.status() == StopStatus.FAILED) {
                    routeFailed++;
                    failures.merge(s.failReason().orElse("OTHER"), 1, Integer::sum);
                }
            }
            n.put("delivered", routeDelivered);
            n.put("failed", routeFailed);
        }
        m.put("delivered", delivered);
        m.put("deliveredOnTime", onTime);
        if (delivered == 0) {
            m.putNull("onTimeRate");
        } else {
            m.put("onTimeRate", (double) onTime / delivered);
        }
        ObjectNode byReason = m.putObject("failedByReason");
        failures.forEach(byReason::put);
        return m;
    }
}
