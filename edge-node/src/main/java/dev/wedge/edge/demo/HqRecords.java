package dev.wedge.edge.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Reads the records HQ holds for one warehouse through HQ's own read API, page by page. */
public final class HqRecords {

    /** One record as HQ stored it. */
    public record Record(long seq, String key, String kind, JsonNode payload) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HqRecords() {
    }

    /** Every record of the warehouse in HQ's order (by sequence). */
    public static List<Record> all(URI hq, String warehouseId) throws IOException, InterruptedException {
        List<Record> out = new ArrayList<>();
        long after = 0;
        while (true) {
            URI uri = hq.resolve("/api/warehouses/" + warehouseId + "/records?limit=500&after=" + after);
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("HQ answered " + r.statusCode() + " for " + uri + ": " + r.body());
            }
            JsonNode page = JSON.readTree(r.body());
            for (JsonNode rec : page.path("records")) {
                out.add(new Record(rec.path("seq").asLong(), rec.path("key").asText(), rec.path("kind").asText(),
                        JSON.readTree(rec.path("payload").asText())));
            }
            if (page.path("nextAfter").isNull() || page.path("records").isEmpty()) {
                return out;
            }
            after = page.path("nextAfter").asLong();
        }
    }
}
