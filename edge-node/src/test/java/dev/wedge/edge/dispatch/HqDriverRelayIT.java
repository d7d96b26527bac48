package dev.wedge.edge.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wedge.edge.app.EdgeNode;
import dev.wedge.edge.auth.Role;
import dev.wedge.edge.config.ConfigReader;
import dev.wedge.edge.demo.HqRecords;
import dev.wedge.edge.dispatch.hq.HqDispatch;
import dev.wedge.edge.dispatch.model.DeliveryOrder;
import dev.wedge.edge.dispatch.model.GeoPoint;
import dev.wedge.edge.dispatch.model.ProofPolicy;
import dev.wedge.edge.dispatch.plan.DayProblem;
import dev.wedge.edge.dispatch.web.DispatchClient;
import dev.wedge.routing.cost.HaversineCosts;
import dev.wedge.routing.jsprit.JspritRouteSolver;
import dev.wedge.routing.plan.Plan;
import dev.wedge.routing.solve.SolveOptions;
import dev.wedge.scanner.gs1.Sscc;
import dev.wedge.sync.hq.HqServer;
import dev.wedge.sync.hq.HqSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HQ serving the driver app for a driver on the road, with the way back, HQ and an edge node in one JVM on
 * loopback: the route the edge planned shows at HQ from what the edge synced, the driver logs into HQ with the
 * badge and PIN made at the edge, the actions sent to HQ reach the edge and are applied there exactly once (also
 * when sent again, to HQ or to the edge), their outcomes come back to HQ, and HQ's reports show the truck on the
 * plan's map, the ETA of every open stop and the metrics.
 */
class HqDriverRelayIT {
    private static final GeoPoint DEPOT = new GeoPoint(52.0, 5.0);
    private static final String WH = "WH-RLY";
    private static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk"
            + "YAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void aDriverOnTheRoadWorksThroughHqAndEachActionIsAppliedAtTheEdgeOnce() throws Exception {
        HqServer hq = new HqServer(HqSettings.local("jdbc:derby:" + dir.resolve("hq") + ";create=true"));
        HqDispatch hqDispatch = new HqDispatch("jdbc:derby:memory:hqd-" + UUID.randomUUID() + ";create=true",
                Clock.systemUTC());
        hq.mount(hqDispatch.handler());
        int hqPort = hq.start();
        open.add(hq::stop);
        hqDispatch.start(hq.store(), Duration.ofMillis(100));
        open.add(hqDispatch);
        EdgeNode edge = new EdgeNode(ConfigReader.from(Map.of("node.id", WH,
                "db.url", "jdbc:derby:memory:rly-" + UUID.randomUUID() + ";create=true", "web.port", "0",
                "hq.url", "http://127.0.0.1:" + hqPort + "/", "hq.maxBackoffMillis", "300", "hq.pollMillis", "100",
                "gs1.companyPrefix", "0614141")), Clock.systemUTC()).start();
        open.add(edge);
        Dispatch dispatch = edge.dispatch();
        Map<String, DeliveryOrder> orders = planDay(dispatch);
        edge.floor().users().create("DR1", "Dana", Role.DRIVER, "2468".toCharArray());

        // The account made at the edge reaches HQ as a hash; until then, and with a wrong PIN, HQ lets nobody in.
        URI atHq = URI.create("http://127.0.0.1:" + hqPort + "/warehouses/" + WH + "/");
        URI hqUri = URI.create("http://127.0.0.1:" + hqPort);
        // HQ answers 404 for a warehouse that has not synced anything yet; on a busy machine that is a while.
        await().atMost(Duration.ofSeconds(20)).until(() -> !HqRecords.all(hqUri, WH).isEmpty());
        assertThat(new DispatchClient(atHq).get("api/dispatch/drivers/DR1/day").statusCode()).isEqualTo(401);
        DispatchClient driver = new DispatchClient(atHq);
        // Logging in until it works would lock the badge out after five tries: wait for the record instead.
        await().atMost(Duration.ofSeconds(20)).until(() -> HqRecords.all(hqUri, WH).stream()
                .anyMatch(r -> r.kind().equals("dispatch.driver-credential")));
        hqDispatch.project();
        assertThat(driver.login("DR1", "2468")).isEqualTo(201);
        assertThat(new DispatchClient(atHq).login("DR1", "1357")).isEqualTo(401);
        assertThat(driver.get("driver/").body()).contains("driver.js");
        // At HQ a driver is a driver only: another driver's day is refused, the dispatcher's endpoints are not
        // there (they belong to the warehouse), and a warehouse that never synced has no driver app at all.
        assertThat(driver.get("api/dispatch/drivers/DR2/day").statusCode()).isEqualTo(403);
        assertThat(driver.post("api/dispatch/assign", "{}").statusCode()).isEqualTo(404);
        assertThat(new DispatchClient(URI.create("http://127.0.0.1:" + hqPort + "/warehouses/WH-NONE/"))
                .get("driver/").statusCode()).isEqualTo(404);

        // The day at HQ is the edge's plan, from the route sheet the edge synced.
        JsonNode day = driver.getJson("api/dispatch/drivers/DR1/day");
        JsonNode route = day.path("routes").get(0);
        List<String> order = new ArrayList<>();
        route.path("stops").forEach(s -> order.add(s.path("stopId").asText()));
        assertThat(order).containsExactlyElementsOf(stopsAtEdge(dispatch));
        assertThat(route.path("stops").get(0).path("packages")).hasSize(2);
        String s1 = order.get(0);
        String s2 = order.get(1);

        String actions = batch(route.path("routeId").asText(), s1, s2, orders);
        JsonNode first = json.readTree(driver.post("api/dispatch/actions", actions).body()).path("results");
        assertThat(first.findValuesAsText("outcome")).hasSize(5).containsOnly("FORWARDED");

        // The edge applies them by its own action path...
        await().atMost(Duration.ofSeconds(20)).until(() -> stopStatus(dispatch, s2).equals("FAILED"));
        assertThat(stopStatus(dispatch, s1)).isEqualTo("DELIVERED");
        assertThat(dispatch.proof(s1, dev.wedge.edge.dispatch.model.ProofKind.SIGNATURE)).isPresent();
        // ...and their outcomes come back: HQ now answers a resend as the edge would, and shows the new state.
        await().atMost(Duration.ofSeconds(20)).until(() -> json.readTree(driver.post("api/dispatch/actions", actions)
                .body()).path("results").findValuesAsText("outcome").stream().allMatch("DUPLICATE"::equals));
        await().atMost(Duration.ofSeconds(10)).until(() -> statusAtHq(driver, s2).equals("FAILED"));
        assertThat(statusAtHq(driver, s1)).isEqualTo("DELIVERED");
        // The phone may also reach the edge directly with the same keys: nothing is applied twice.
        DispatchClient atEdge = new DispatchClient(edge.webUri()).loggedIn("DR1", "2468");
        assertThat(json.readTree(atEdge.post("api/dispatch/actions", actions).body()).path("results")
                .findValuesAsText("outcome")).containsOnly("DUPLICATE");

        assertHqHoldsEachEventOnce(hqPort, s1, s2);
        assertHqReportsShowTheTruckAndEtas(hqPort, order.get(2));
    }

    private void assertHqHoldsEachEventOnce(int hqPort, String s1, String s2) throws Exception {
        URI hqUri = URI.create("http://127.0.0.1:" + hqPort);
        await().atMost(Duration.ofSeconds(20)).until(() -> HqRecords.all(hqUri, WH).stream()
                .filter(r -> r.kind().equals("dispatch.action")).count() >= 4);
        List<HqRecords.Record> records = HqRecords.all(hqUri, WH);
        Map<String, Long> byKind = records.stream().collect(Collectors.groupingBy(HqRecords.Record::kind,
                Collectors.counting()));
        assertThat(byKind).containsEntry("dispatch.route-started", 1L).containsEntry("dispatch.arrived", 1L)
                .containsEntry("dispatch.delivered", 1L).containsEntry("dispatch.failed", 1L)
                .containsEntry("dispatch.action", 4L);
        // A position's outcome travels in its own event, by its key: one position record, once.
        assertThat(records.stream().filter(r -> r.kind().equals("dispatch.position"))
                .map(r -> r.payload().path("key").asText()).toList()).hasSize(1).doesNotContain("");
        assertThat(records.stream().filter(r -> r.kind().equals("dispatch.delivered")).findFirst().orElseThrow()
                .payload().path("stopId").asText()).isEqualTo(s1);
        assertThat(records.stream().filter(r -> r.kind().equals("dispatch.failed")).findFirst().orElseThrow()
                .payload().path("stopId").asText()).isEqualTo(s2);
        // And it stays that way: the resends above bring nothing later either.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> HqRecords.all(hqUri, WH).size() == records.size());
    }

    private void assertHqReportsShowTheTruckAndEtas(int hqPort, String openStop) throws Exception {
        DispatchClient reports = new DispatchClient(URI.create("http://127.0.0.1:" + hqPort + "/"));
        String svg = reports.get("reports/dispatch/" + WH + "/map.svg").body();
        assertThat(svg).startsWith("<svg").contains("class=\"truck\"", "data-stop=\"" + openStop + "\"");
        JsonNode report = reports.getJson("api/reports/dispatch").path("warehouses").get(0);
        assertThat(report.path("warehouseId").asText()).isEqualTo(WH);
        assertThat(report.path("trucks").get(0).path("position").path("lat").asDouble()).isGreaterThan(51.9);
        JsonNode open = null;
        for (JsonNode s : report.path("stops")) {
            if (s.path("stopId").asText().equals(openStop)) {
                open = s;
            }
        }
        assertThat(open).isNotNull();
        assertThat(Instant.parse(open.path("eta").asText())).isAfter(Instant.now().minus(Duration.ofHours(1)));
        assertThat(report.path("metrics").path("failedByReason").path("CUSTOMER_ABSENT").asInt()).isEqualTo(1);
        assertThat(report.path("metrics").path("delivered").asInt()).isEqualTo(1);
        assertThat(reports.get("reports/dispatch").body()).contains("data-warehouse=\"" + WH + "\"",
                "data-stop=\"" + openStop + "\"", "map.svg");
    }

    private String batch(String routeId, String s1, String s2, Map<String, DeliveryOrder> orders) throws Exception {
        String at = Instant.now().toString();
        DeliveryOrder o1 = orders.get(s1);
        List<Map<String, Object>> list = List.of(
                Map.of("key", key(), "type", "START", "routeId", routeId, "at", at),
                Map.of("key", key(), "type", "POSITION", "lat", o1.point().lat(), "lon", o1.point().lon(), "at", at),
                Map.of("key", key(), "type", "ARRIVE", "stopId", s1, "at", at),
                Map.of("key", key(), "type", "DELIVER", "stopId", s1, "signature", PNG, "ssccs", o1.ssccs(), "at", at),
                Map.of("key", key(), "type", "FAIL", "stopId", s2, "reason", "CUSTOMER_ABSENT", "note", "closed",
                        "at", at));
        return json.writeValueAsString(Map.of("actions", list));
    }

    private static String key() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private Map<String, DeliveryOrder> planDay(Dispatch dispatch) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        dispatch.upsertCustomer("ACME", "Acme Foods", null, ProofPolicy.standard());
        dispatch.upsertDriver("DR1", "Dana", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(10)));
        Map<String, DeliveryOrder> orders = new java.util.HashMap<>();
        long serial = 7000;
        double[][] at = {{52.0, 5.02}, {52.01, 5.03}, {52.0, 5.05}};
        for (int i = 0; i < 3; i++) {
            String id = "R" + (i + 1);
            List<String> ssccs = List.of(Sscc.of(0, "0614141", serial++).value(), Sscc.of(0, "0614141", serial++).value());
            orders.put(id, new DeliveryOrder(id, "ACME", id + " Dock Road", "", new GeoPoint(at[i][0], at[i][1]), now,
                    now.plus(Duration.ofHours(4)), 300, ssccs));
        }
        Plan plan = new JspritRouteSolver().solve(DayProblem.of("rly", now, now.plus(Duration.ofHours(9)), DEPOT,
                List.of("T1"), 50, List.copyOf(orders.values())), HaversineCosts.atKmPerHour(40),
                SolveOptions.forIterations(20, 3).withThreads(1));
        dispatch.importPlan("RLY", plan, now, DEPOT, List.copyOf(orders.values()));
        assertThat(dispatch.assignAll()).containsValue("DR1");
        return orders;
    }

    private static List<String> stopsAtEdge(Dispatch dispatch) throws Exception {
        List<String> ids = new ArrayList<>();
        dispatch.driverDay("DR1").path("routes").get(0).path("stops").forEach(s -> ids.add(s.path("stopId").asText()));
        return ids;
    }

    private static String stopStatus(Dispatch dispatch, String stop) throws Exception {
        return dispatch.stopDetail(stop).path("status").asText();
    }

    private static String statusAtHq(DispatchClient driver, String stop) throws Exception {
        for (JsonNode s : driver.getJson("api/dispatch/drivers/DR1/day").path("routes").get(0).path("stops")) {
            if (s.path("stopId").asText().equals(stop)) {
                return s.path("status").asText();
            }
        }
        return "";
    }
}
