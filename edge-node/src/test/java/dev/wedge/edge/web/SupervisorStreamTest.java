package dev.wedge.edge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wedge.edge.auth.Role;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SupervisorStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static NodeTestBed bed;

    @BeforeAll
    static void node() throws Exception {
        bed = new NodeTestBed(false);
    }

    @AfterAll
    static void stop() throws Exception {
        bed.close();
    }

    private static ApiClient as(Role role) throws Exception {
        ApiClient c = new ApiClient(bed.uri()).device("sv-" + role.wire());
        assertThat(c.login(NodeTestBed.BADGES.get(role), NodeTestBed.pin(role)).status()).isEqualTo(201);
        return c;
    }

    @Test
    void pushesTheOverviewAtOnceAndAgainWhenAWaveIsPlanned() throws Exception {
        ApiClient supervisor = as(Role.SUPERVISOR);
        HttpResponse<Stream<String>> stream = supervisor.events("/api/supervisor/stream");
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Iterator<String> lines = stream.body().iterator();
        try {
            JsonNode first = nextOverview(lines, o -> true);
            assertThat(first.path("waves")).isEmpty();

            assertThat(supervisor.post("/api/waves", "{}").status()).isEqualTo(201);

            JsonNode changed = nextOverview(lines, o -> !o.path("waves").isEmpty());
            assertThat(changed.path("waves").get(0).path("route").asText()).isEqualTo("R1");
        } finally {
            stream.body().close();
        }
    }

    @Test
    void endsTheStreamWhenItsSessionLogsOut() throws Exception {
        ApiClient supervisor = as(Role.SUPERVISOR);
        HttpResponse<Stream<String>> stream = supervisor.events("/api/supervisor/stream");
        Iterator<String> lines = stream.body().iterator();
        nextOverview(lines, o -> true);

        assertThat(supervisor.send("DELETE", "/api/session", null).status()).isEqualTo(204);

        CompletableFuture<Boolean> ended = CompletableFuture.supplyAsync(() -> {
            while (lines.hasNext()) {
                lines.next();
            }
            return true;
        });
        assertThat(ended.get(20, TimeUnit.SECONDS)).isTrue();
        assertThat(supervisor.events("/api/supervisor/stream").statusCode()).isEqualTo(401);
    }

    @Test
    void refusesTheStreamToAPickerAndWithoutASession() throws Exception {
        assertThat(as(Role.PICKER).get("/api/supervisor/stream").status()).isEqualTo(403);
        assertThat(new ApiClient(bed.uri()).get("/api/supervisor/stream").status()).isEqualTo(401);
    }

    /** Reads events until an overview that matches; the test's timeout bounds the wait. */
    private static JsonNode nextOverview(Iterator<String> lines, Predicate<JsonNode> wanted) throws Exception {
        CompletableFuture<JsonNode> found = CompletableFuture.supplyAsync(() -> {
            boolean overview = false;
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.equals("event: overview")) {
                    overview = true;
                } else if (overview && line.startsWith("data: ")) {
                    JsonNode o = parse(line.substring(6));
                    if (wanted.test(o)) {
                        return o;
                    }
                    overview = false;
                }
            }
            throw new IllegalStateException("the stream ended before the overview arrived");
        });
        return found.get(20, TimeUnit.SECONDS);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }
}
