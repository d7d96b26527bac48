package dev.wedge.routing.cost;

import dev.wedge.routing.RoutingErrorCode;
import dev.wedge.routing.RoutingException;
import dev.wedge.routing.model.Place;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Fetches a distance and duration matrix from an OSRM-compatible {@code table} service:
 * {@code GET {base}/table/v1/{profile}/{lon},{lat};...?annotations=duration,distance}. Places are longitude and
 * latitude ({@code x}, {@code y}). Distances are metres and times seconds, as OSRM gives them. A failure to reach
 * the service, a non-"Ok" answer or an unreachable pair throws {@link RoutingException}.
 */
public final class OsrmTableClient {
    private final URI base;
    private final String profile;
    private final Duration timeout;
    private final HttpClient http;

    public OsrmTableClient(URI base, String profile, Duration timeout) {
        this.base = Objects.requireNonNull(base, "base");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** A string identifying this service and profile, part of the cache key. */
    public String describe() {
        return base + "|" + profile;
    }

    public TravelMatrix fetch(List<Place> places) {
        if (places.size() < 2) {
            throw new IllegalArgumentException("A table needs at least two places, got " + places.size());
        }
        String coords = places.stream().map(p -> String.format(Locale.ROOT, "%.6f,%.6f", p.x(), p.y()))
                .collect(Collectors.joining(";"));
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        URI uri = URI.create(root + "table/v1/" + profile + "/" + coords + "?annotations=duration,distance");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable("cannot reach " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while asking " + base, e);
        }
        if (response.statusCode() != 200) {
            throw unavailable(base + " answered HTTP " + response.statusCode(), null);
        }
        return matrix(places, response.body());
    }

    private TravelMatrix matrix(List<Place> places, String body) {
        Map<?, ?> json;
        try {
            json = (Map<?, ?>) MiniJson.parse(body);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw unavailable(base + " answered something that is not an OSRM table: " + e.getMessage(), e);
        }
        if (!"Ok".equals(json.get("code"))) {
            throw unavailable(base + " answered code " + json.get("code") + ": " + json.get("message"), null);
        }
        int n = places.size();
        double[][] durations = table(json.get("durations"), n, "durations");
        double[][] distances = table(json.get("distances"), n, "distances");
        List<String> ids = places.stream().map(Place::id).toList();
        return new TravelMatrix(ids, distances, durations);
    }

    private double[][] table(Object value, int n, String name) {
        if (!(value instanceof List<?> rows) || rows.size() != n) {
            throw unavailable(base + " answered without a " + n + "x" + n + " '" + name + "' table", null);
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (!(rows.get(i) instanceof List<?> row) || row.size() != n) {
                throw unavailable(base + " answered a short row " + i + " in '" + name + "'", null);
            }
            for (int j = 0; j < n; j++) {
                if (!(row.get(j) instanceof Double d)) {
                    throw new RoutingException(RoutingErrorCode.MISSING_TRAVEL_COST, base + " finds no route from place "
                            + i + " to place " + j + " (" + name + ")");
                }
                out[i][j] = d;
            }
        }
        return out;
    }

    private static RoutingException unavailable(String message, Throwable cause) {
        return new RoutingException(RoutingErrorCode.TRAVEL_COST_SERVICE_UNAVAILABLE, message, cause);
    }
}
