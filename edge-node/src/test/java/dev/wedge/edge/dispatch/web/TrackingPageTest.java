package dev.wedge.edge.dispatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wedge.edge.dispatch.DispatchTestAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer's tracking page and the JSON API, through the handler mounted on a real Jetty on port 0. */
class TrackingPageTest {
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

    private HttpResponse<String> get(String path) throws Exception {
        return path.startsWith("/track/") ? new DispatchClient(base).get(path) : supervisor.get(path);
    }

    private String tokenOf(String stop) throws Exception {
        return json.readTree(get("/api/dispatch/stops/" + stop).body()).path("trackingToken").asText();
    }

    @Test
    void theRightTokenShowsTheStatusAndAnEtaWindowAroundTheEta() throws Exception {
        String token = tokenOf("S1");
        HttpResponse<String> page = get("/track/" + token);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-status=\"PENDING\"", "Expected between");
        Instant eta = Instant.parse(json.readTree(get("/api/dispatch/stops/S1").body()).path("eta").asText());
        String from = page.body().replaceAll("(?s).*data-from=\"([^\"]+)\".*", "$1");
        String to = page.body().replaceAll("(?s).*data-to=\"([^\"]+)\".*", "$1");
        assertThat(eta).isBetween(Instant.parse(from), Instant.parse(to));
        assertThat(Duration.between(Instant.parse(from), Instant.parse(to))).isLessThanOrEqualTo(Duration.ofMinutes(30));
        assertThat(page.body()).doesNotContain("S2", "Main Street");
    }

    @Test
    void aWrongTokenShowsNothing() throws Exception {
        String token = tokenOf("S1");
        String altered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        for (String path : new String[] {"/track/" + altered, "/track/S1", "/track/", "/track/"
                + token + "x", "/track/" + token.substring(0, 21) + "%27"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("S1", "Expected", "status");
        }
    }

    @Test
    void anExpiredTokenShowsNothing() throws Exception {
        String token = tokenOf("S1");
        assertThat(get("/track/" + token).statusCode()).isEqualTo(200);
        JsonNode stop = json.readTree(get("/api/dispatch/stops/S1").body());
        day.clock().set(Instant.parse(stop.path("windowEnd").asText()).plus(Duration.ofDays(2)));

        HttpResponse<String> r = get("/track/" + token);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("Expected", "PENDING");
    }

    @Test
    void theTrackingPageFollowsTheDeliveryToDelivered() throws Exception {
        String token = tokenOf("S2");
        day.deliverS2();
        assertThat(get("/track/" + token).body()).contains("data-status=\"DELIVERED\"").doesNotContain("Expected");
    }

    @Test
    void badActionsAreRejectedOneByOneWithAReasonAndProofsDownload() throws Exception {
        String body = "{\"actions\":[{\"key\":\"short\",\"driverId\":\"D1\",\"type\":\"ARRIVE\",\"stopId\":\"S1\","
                + "\"at\":\"2026-12-03T08:05:00Z\"},{\"key\":\"abcdefghijklmnopqrstu\",\"driverId\":\"D1\","
                + "\"type\":\"FAIL\",\"stopId\":\"S1\",\"at\":\"2026-12-03T08:05:00Z\",\"reason\":\"BORED\"}]}";
        HttpResponse<String> r = driver.post("/api/dispatch/actions", body);
        JsonNode results = json.readTree(r.body()).path("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("detail").asText()).contains("key 'short'");
        assertThat(results.get(1).path("detail").asText()).contains("BORED");
        assertThat(json.readTree(get("/api/dispatch/stops/S1").body()).path("status").asText()).isEqualTo("PENDING");

        day.deliverS2();
        HttpResponse<byte[]> png = supervisor.getBytes("/api/dispatch/stops/S2/proof/signature?download=1");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Disposition").orElse("")).contains("S2-signature.png");
        assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(get("/api/dispatch/map.svg").body()).startsWith("<svg").contains("data-stop=\"S2\"", "truck");
    }

    @Test
    void theHandlerLeavesPathsThatAreNotDispatchsToTheNextHandler() throws Exception {
        assertThat(DispatchHandler.owns("/driver/")).isTrue();
        assertThat(DispatchHandler.owns("/track/abc")).isTrue();
        assertThat(DispatchHandler.owns("/api/status")).isFalse();
        assertThat(DispatchHandler.owns("/dispatcher")).isFalse();
        assertThat(DispatchHandler.owns("/")).isFalse();
        assertThat(get("/driver/").body()).contains("driver.js");
        assertThat(get("/dispatch/").body()).contains("map.svg");
    }
}
