package dev.wedge.edge.dispatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wedge.edge.dispatch.DispatchTestAccess;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may do what through the dispatch handler: drivers their own day, dispatchers the rest, sessions expire. */
class DispatchSessionTest {
    private static final String ARRIVE_S1 = "{\"actions\":[{\"key\":\"k-0123456789abcdef\",\"driverId\":\"D1\","
            + "\"type\":\"ARRIVE\",\"stopId\":\"S1\",\"at\":\"2026-12-03T08:05:00Z\"}]}";
    private final ObjectMapper json = new ObjectMapper();
    private DispatchTestAccess day;
    private Server server;
    private URI base;

    @BeforeEach
    void serve() throws Exception {
        day = DispatchTestAccess.oneRouteStarted();
        server = new Server();
        ServerConnector c = new ServerConnector(server);
        c.setHost("127.0.0.1");
        c.setPort(0);
        server.addConnector(c);
        server.setHandler(day.handler());
        server.start();
        base = URI.create("http://127.0.0.1:" + c.getLocalPort() + "/");
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        day.close();
    }

    private DispatchClient as(String badge) throws Exception {
        return new DispatchClient(base).loggedIn(badge, DispatchTestAccess.PIN);
    }

    private static String code(HttpResponse<String> r) throws Exception {
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return new ObjectMapper().readTree(r.body()).path("code").asText();
    }

    @Test
    void aDriverSeesAndActsOnlyOnTheirOwnDay() throws Exception {
        DispatchClient d2 = as("D2");
        HttpResponse<String> other = d2.get("api/dispatch/drivers/D1/day");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(code(other)).isEqualTo("forbidden");

        JsonNode result = json.readTree(d2.post("api/dispatch/actions", ARRIVE_S1).body()).path("results").get(0);
        assertThat(result.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(result.path("code").asText()).isEqualTo("NOT_YOUR_STOP");
        // Without a driverId the action is taken as the session's driver's: D2 has no claim on S1 either.
        JsonNode unnamed = json.readTree(d2.post("api/dispatch/actions", ARRIVE_S1.replace("\"driverId\":\"D1\",", "")
                .replace("0123", "9999")).body()).path("results").get(0);
        assertThat(unnamed.path("code").asText()).isEqualTo("NOT_YOUR_STOP");
        assertThat(as("SUP").getJson("api/dispatch/stops/S1").path("status").asText()).isEqualTo("PENDING");

        assertThat(as("D1").get("api/dispatch/drivers/D1/day").statusCode()).isEqualTo(200);
    }

    @Test
    void dispatcherActionsNeedASupervisorAndDriversCannotTakeThem() throws Exception {
        for (String badge : new String[] {"D1", "PICK"}) {
            HttpResponse<String> r = as(badge).post("api/dispatch/routes/DAY-1/driver", "{\"driverId\":\"D2\"}");
            assertThat(r.statusCode()).as(badge).isEqualTo(403);
            assertThat(code(r)).isEqualTo("forbidden");
            assertThat(as(badge).get("api/dispatch/overview").statusCode()).as(badge).isEqualTo(403);
        }
        assertThat(as("SUP").post("api/dispatch/assign", "{}").statusCode()).isEqualTo(200);
        assertThat(as("ADM").get("api/dispatch/map.svg").body()).startsWith("<svg");
        HttpResponse<String> anonymous = new DispatchClient(base).get("api/dispatch/overview");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(code(anonymous)).isEqualTo("not-authenticated");
    }

    @Test
    void aStateChangeWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        DispatchClient d1 = as("D1");
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(base.resolve("api/dispatch/actions")).header("Cookie", d1.cookie())
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers
                        .ofString(ARRIVE_S1)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(code(r)).isEqualTo("csrf-mismatch");
        assertThat(as("SUP").getJson("api/dispatch/stops/S1").path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void aSessionExpiresAfterItsIdleTimeAndAWrongPinOpensNone() throws Exception {
        DispatchClient d1 = as("D1");
        assertThat(d1.get("api/dispatch/session").statusCode()).isEqualTo(200);
        day.clock().advance(Duration.ofMinutes(16));
        HttpResponse<String> expired = d1.get("api/dispatch/drivers/D1/day");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(code(expired)).isEqualTo("not-authenticated");
        assertThat(new DispatchClient(base).login("D1", "0000")).isEqualTo(401);
        assertThat(d1.login("D1", DispatchTestAccess.PIN)).isEqualTo(201);
        assertThat(d1.get("api/dispatch/drivers/D1/day").statusCode()).isEqualTo(200);
    }

    @Test
    void aFailureInsideTheNodeIsAProblemWithoutItsExceptionText() throws Exception {
        DispatchClient sup = as("SUP");
        day.dropTable("dispatch_alert");
        HttpResponse<String> r = sup.get("api/dispatch/overview");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(code(r)).isEqualTo("internal-error");
        assertThat(r.body()).containsIgnoringCase("incident").doesNotContainIgnoringCase("dispatch_alert")
                .doesNotContain("SQL", "Exception", "Derby");
    }
}
