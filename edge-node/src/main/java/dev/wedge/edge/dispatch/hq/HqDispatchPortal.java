package dev.wedge.edge.dispatch.hq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HQ's dispatch paths, ahead of HQ's own handler: the driver app and its API per warehouse under
 * {@code /warehouses/{id}/} (guarded like the edge's, by driver sessions), and the dispatch reports: the page
 * {@code /reports/dispatch}, its JSON {@code /api/reports/dispatch} and each warehouse's map
 * {@code /reports/dispatch/{id}/map.svg}. The reports are HQ's read side and, like {@code /reports}, are meant to
 * sit behind the site's access control. Everything else is declined for the next handler.
 */
final class HqDispatchPortal extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(HqDispatchPortal.class);
    private static final Pattern WAREHOUSE = Pattern.compile("/warehouses/([A-Za-z0-9._-]{1,64})(/.*)");
    private static final Pattern MAP = Pattern.compile("/reports/dispatch/([A-Za-z0-9._-]{1,64})/map\\.svg");

    private final HqDispatch hub;
    private final ObjectMapper json = new ObjectMapper();

    HqDispatchPortal(HqDispatch hub) {
        this.hub = hub;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        Matcher m = WAREHOUSE.matcher(path);
        boolean get = "GET".equals(request.getMethod());
        try {
            if (m.matches()) {
                // The handler answers its own problems; a warehouse that never synced is left to HQ's 404.
                Optional<HqWarehouse> w = hub.warehouse(m.group(1));
                return w.isPresent() && w.get().handler().serve(request, response, callback, m.group(2));
            } else if (get && path.equals("/api/reports/dispatch")) {
                send(response, callback, 200, "application/json", json.writeValueAsBytes(report()));
            } else if (get && path.equals("/reports/dispatch")) {
                send(response, callback, 200, "text/html; charset=utf-8",
                        HqDispatchPage.render(report()).getBytes(StandardCharsets.UTF_8));
            } else if (get && (m = MAP.matcher(path)).matches()) {
                Optional<HqWarehouse> w = hub.warehouse(m.group(1));
                if (w.isEmpty()) {
                    return false;
                }
                send(response, callback, 200, "image/svg+xml",
                        w.get().readSide().mapSvg().getBytes(StandardCharsets.UTF_8));
            } else {
                return false;
            }
        } catch (Exception e) {
            LOG.error("HQ dispatch request {} failed", path, e);
            send(response, callback, 500, "application/problem+json", ("{\"type\":\"urn:wedge:problem:internal-error\","
                    + "\"status\":500,\"code\":\"internal-error\",\"detail\":\"HQ could not answer; see its log.\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return true;
    }

    /** Per warehouse: its metrics, every truck's last position and every stop with its ETA. */
    private ObjectNode report() throws Exception {
        ObjectNode r = json.createObjectNode();
        ArrayNode all = r.putArray("warehouses");
        for (String id : hub.warehouseIds()) {
            HqWarehouse w = hub.warehouse(id).orElseThrow();
            ObjectNode overview = w.readSide().overview();
            if (overview.path("routes").isEmpty()) {
                continue;
            }
            ObjectNode n = all.addObject();
            n.put("warehouseId", id);
            n.put("map", "/reports/dispatch/" + id + "/map.svg");
            n.set("metrics", w.readSide().metrics());
            ArrayNode trucks = n.putArray("trucks");
            ArrayNode stops = n.putArray("stops");
            for (JsonNode route : overview.path("routes")) {
                ObjectNode t = trucks.addObject().put("routeId", route.path("routeId").asText())
                        .put("vehicleId", route.path("vehicleId").asText())
                        .put("driverId", route.path("driverId").asText(null))
                        .put("status", route.path("status").asText());
                if (route.has("position")) {
                    t.set("position", route.get("position"));
                }
                for (JsonNode s : route.path("stops")) {
                    stops.addObject().put("routeId", route.path("routeId").asText())
                            .put("stopId", s.path("stopId").asText()).put("seq", s.path("seq").asInt())
                            .put("customer", s.path("customer").asText()).put("status", s.path("status").asText())
                            .put("windowStart", s.path("windowStart").asText())
                            .put("windowEnd", s.path("windowEnd").asText())
                            .put("eta", s.path("eta").asText(null));
                }
            }
        }
        return r;
    }

    private static void send(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
