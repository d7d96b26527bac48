package dev.wedge.routing.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.wedge.routing.RoutingErrorCode;
import dev.wedge.routing.RoutingException;
import dev.wedge.routing.model.Place;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsrmTableClientTest {
    private static final String OK_TABLE = """
            {"code":"Ok","durations":[[0,120.5,300],[118.2,0,240.1],[290,250,0]],
             "distances":[[0,1500.2,4200],[1490,0,3100.7],[4100,3050,0]],
             "sources":[{"hint":"x","distance":1.2,"name":"Main St","location":[13.38,52.51]}],
             "destinations":[]}
            """;

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> answer = new AtomicReference<>(OK_TABLE);
    private HttpServer server;
    private final List<Place> places = List.of(new Place("depot", 13.388860, 52.517037),
            new Place("a", 13.397634, 52.529407), new Place("b", 13.428555, 52.523219));

    @TempDir
    Path cache;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/table/v1/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private OsrmTableClient client() {
        return new OsrmTableClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "driving",
                Duration.ofSeconds(2));
    }

    @Test
    void asksForDurationsAndDistancesOfAllPlacesInOrder() {
        TravelMatrix m = client().fetch(places);

        assertThat(requests).containsExactly("/table/v1/driving/13.388860,52.517037;13.397634,52.529407;"
                + "13.428555,52.523219?annotations=duration,distance");
        assertThat(m.distance(places.get(0), places.get(1))).isEqualTo(1500.2);
        assertThat(m.time(places.get(1), places.get(2))).isEqualTo(240.1);
        assertThat(m.time(places.get(2), places.get(0))).isEqualTo(290);
    }

    @Test
    void reportsAnErrorAnswerWithItsCode() {
        answer.set("{\"code\":\"InvalidQuery\",\"message\":\"Query string malformed\"}");

        assertThatThrownBy(() -> client().fetch(places)).isInstanceOf(RoutingException.class)
                .hasMessageContaining("InvalidQuery")
                .extracting(e -> ((RoutingException) e).code()).isEqualTo(RoutingErrorCode.TRAVEL_COST_SERVICE_UNAVAILABLE);
    }

    @Test
    void reportsAnUnreachablePair() {
        answer.set(OK_TABLE.replace("[118.2,0,240.1]", "[118.2,0,null]"));

        assertThatThrownBy(() -> client().fetch(places)).isInstanceOf(RoutingException.class)
                .hasMessageContaining("from place 1 to place 2");
    }

    @Test
    void plansOfflineFromTheCacheOnceTheMatrixWasFetched() {
        CachedMatrixSource source = new CachedMatrixSource(client(), cache);
        TravelMatrix online = source.matrix(places);
        server.stop(0);
        server = null;

        TravelMatrix offline = source.matrix(places);
        TravelMatrix refreshed = source.refresh(places);

        assertThat(requests).hasSize(1);
        assertThat(offline.distance(places.get(2), places.get(1))).isEqualTo(online.distance(places.get(2), places.get(1)));
        assertThat(refreshed.time(places.get(0), places.get(2))).isEqualTo(300);
    }

    @Test
    void failsClearlyWhenOfflineWithoutACachedMatrix() throws IOException {
        CachedMatrixSource source = new CachedMatrixSource(client(), cache);
        server.stop(0);
        server = null;

        assertThatThrownBy(() -> source.matrix(places)).isInstanceOf(RoutingException.class)
                .extracting(e -> ((RoutingException) e).code()).isEqualTo(RoutingErrorCode.TRAVEL_COST_SERVICE_UNAVAILABLE);
        try (var files = Files.list(cache)) {
            assertThat(files).isEmpty();
        }
    }
}
