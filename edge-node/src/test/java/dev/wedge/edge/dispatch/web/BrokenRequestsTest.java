package dev.wedge.edge.dispatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wedge.edge.dispatch.DispatchTestAccess;
import java.net.URI;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests a newcomer or a broken phone may send: each gets a problem document naming what was wrong. */
class BrokenRequestsTest {
    private final ObjectMapper json = new ObjectMapper();
    private DispatchTestAccess day;
    private Server server;
    private URI base;
    private DispatchClient driver;
    private DispatchClient supervisor;

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
        driver = new DispatchClient(base).loggedIn("D1", DispatchTestAccess.PIN);
        supervisor = new DispatchClient(base).loggedIn("SUP", DispatchTestAccess.PIN);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        day.close();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return (path.contains("/actions") ? driver : supervisor).post(path, body);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return supervisor.get(path);
    }

    private static void assertProblem(HttpResponse<String> r, int status, String code, String... detail)
            throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = new ObjectMapper().readTree(r.body());
        assertThat(p.path("code").asText()).isEqualTo(code);
        assertThat(p.path("detail").asText()).contains(detail);
    }

    @Test
    void aBatchWithoutAnActionsArrayIsAProblemNotAnEmptyAnswer() throws Exception {
        assertProblem(post("/api/dispatch/actions", "{}"), 400, "invalid-input", "actions");
        assertProblem(post("/api/dispatch/actions", "{\"actions\":{\"type\":\"START\"}}"), 400, "invalid-input",
                "actions");
        assertProblem(post("/api/dispatch/actions", "{\"action\":[]}"), 400, "invalid-input", "actions");
    }

    @Test
    void bodiesThatAreNotJsonObjectsAreProblems() throws Exception {
        assertProblem(post("/api/dispatch/actions", "not json"), 400, "invalid-input", "not JSON");
        assertProblem(post("/api/dispatch/actions", "[1, 2]"), 400, "invalid-input", "not a JSON object");
        assertProblem(post("/api/dispatch/actions", ""), 400, "invalid-input", "JSON");
        // Anything after the object would otherwise be ignored and the first object acted on.
        assertProblem(post("/api/dispatch/actions", "{\"actions\":[]} {\"actions\":[]}"), 400, "invalid-input",
                "not JSON");
        assertProblem(post("/api/dispatch/actions", "{\"actions\":[]} trailing"), 400, "invalid-input", "not JSON");
    }

    @Test
    void anActionThatIsNotAnObjectIsRejectedAndTheOthersAreStillApplied() throws Exception {
        HttpResponse<String> r = post("/api/dispatch/actions", "{\"actions\":[\"ARRIVE\", {\"key\":"
                + "\"k-0123456789abcdef\",\"driverId\":\"D1\",\"type\":\"ARRIVE\",\"stopId\":\"S1\","
                + "\"at\":\"2026-12-03T08:05:00Z\"}]}");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode results = json.readTree(r.body()).path("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(results.get(1).path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(json.readTree(get("/api/dispatch/stops/S1").body()).path("status").asText()).isEqualTo("ARRIVED");
    }

    @Test
    void unknownIdsAndPathsAreNotFoundProblems() throws Exception {
        assertProblem(supervisor.get("/api/dispatch/drivers/NOBODY/day"), 404, "not-found", "NOBODY");
        assertProblem(get("/api/dispatch/stops/NOPE"), 404, "not-found", "NOPE");
        assertProblem(get("/api/dispatch/stops/S1/proof/photo"), 404, "not-found", "S1", "photo");
        assertProblem(get("/api/dispatch/stops/bad%20id"), 400, "invalid-input", "stop id");
        assertProblem(get("/api/dispatch/nothing-here"), 404, "not-found", "nothing-here");
        assertProblem(post("/api/dispatch/routes/NOPE/driver", "{\"driverId\":\"D1\"}"), 404, "not-found", "NOPE");
        assertProblem(post("/api/dispatch/routes/NOPE/driver", "{}"), 400, "invalid-input", "driverId");
    }

    @Test
    void anActionTimedOutsideTheCalendarTheNodeStoresIsRejectedAndTheOthersAreStillApplied() throws Exception {
        // A phone can send any ISO-8601 instant; one Derby cannot store must not fail the batch (a 500 makes the
        // phone resend the same batch for ever).
        HttpResponse<String> r = post("/api/dispatch/actions", "{\"actions\":[{\"key\":\"k-farpast-0123456789\","
                + "\"type\":\"POSITION\",\"lat\":52.0,\"lon\":5.0,\"at\":\"-999999999-01-01T00:00:00Z\"},"
                + "{\"key\":\"k-0123456789abcdef\",\"type\":\"ARRIVE\",\"stopId\":\"S1\","
                + "\"at\":\"2026-12-03T08:05:00Z\"}]}");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode results = json.readTree(r.body()).path("results");
        assertThat(results.get(0).path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(results.get(0).path("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(results.get(0).path("detail").asText()).contains("at");
        assertThat(results.get(1).path("outcome").asText()).isEqualTo("APPLIED");
    }

    @Test
    void aSameDayStopWithAWindowOutsideTheCalendarIsAnInvalidInputProblem() throws Exception {
        assertProblem(post("/api/dispatch/stops", "{\"stopId\":\"S-NEW\",\"customerId\":\"ACME\","
                + "\"address\":\"1 New Road\",\"lat\":52.0,\"lon\":5.0,\"windowStart\":\"+99999-01-01T00:00:00Z\","
                + "\"windowEnd\":\"+99999-01-02T00:00:00Z\"}"), 400, "invalid-input", "windowStart");
    }

    @Test
    void aSameDayStopWithAnAddressOrNotesLongerThanTheStopKeepsIsAnInvalidInputProblem() throws Exception {
        String stop = "{\"stopId\":\"S-NEW\",\"customerId\":\"ACME\",\"lat\":52.0,\"lon\":5.0,"
                + "\"windowStart\":\"2026-12-03T09:00:00Z\",\"windowEnd\":\"2026-12-03T11:00:00Z\",";
        assertProblem(post("/api/dispatch/stops", stop + "\"address\":\"" + "x".repeat(301) + "\"}"), 400,
                "invalid-input", "address");
        assertProblem(post("/api/dispatch/stops", stop + "\"address\":\"1 New Road\",\"notes\":\""
                + "n".repeat(1001) + "\"}"), 400, "invalid-input", "notes");
        assertThat(get("/api/dispatch/stops/S-NEW").statusCode()).isEqualTo(404);
    }
}
