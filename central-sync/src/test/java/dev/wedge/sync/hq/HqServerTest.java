package dev.wedge.sync.hq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import dev.wedge.sync.wire.Batch;
import dev.wedge.sync.wire.BatchAnswer;
import dev.wedge.sync.wire.RecordEnvelope;
import dev.wedge.sync.wire.WireCodec;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HqServerTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HqServer hq;

    @BeforeEach
    void startHq() {
        hq = new HqServer(HqSettings.local("jdbc:derby:memory:hq-" + UUID.randomUUID() + ";create=true"));
        assertThat(hq.start()).isPositive();
    }

    @AfterEach
    void stopHq() {
        hq.stop();
    }

    private static Batch batch(String wh, long from, long to) {
        List<RecordEnvelope> records = new java.util.ArrayList<>();
        for (long s = from; s <= to; s++) {
            records.add(new RecordEnvelope(s, wh + ":" + s, s % 2 == 0 ? "pick" : "movement", 5,
                    Instant.parse("2026-03-01T08:00:00Z").plusSeconds(s), "{\"n\":" + s + "}"));
        }
        return new Batch(wh, records);
    }

    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return post(path, body, "identity");
    }

    private HttpResponse<String> post(String path, byte[] body, String encoding) throws Exception {
        return http.send(HttpRequest.newBuilder(hq.uri().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json")
                .header("Content-Encoding", encoding).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(hq.uri().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void repeatedBatchIsAnsweredWithIdenticalAcks() throws Exception {
        byte[] body = WireCodec.toJson(batch("WH-7", 1, 4));

        HttpResponse<String> first = post("/sync/v1/batches", body);
        HttpResponse<String> again = post("/sync/v1/batches", body);

        assertThat(first.statusCode()).isEqualTo(200);
        BatchAnswer a1 = WireCodec.fromJson(first.body().getBytes(), BatchAnswer.class);
        BatchAnswer a2 = WireCodec.fromJson(again.body().getBytes(), BatchAnswer.class);
        assertThat(a1.acks()).hasSize(4).allMatch(a -> a.stored() && a.receivedAt() != null);
        assertThat(a2).isEqualTo(a1);
        assertThat(hq.store().count("WH-7")).isEqualTo(4);
    }

    @Test
    void readApiListsWarehousesWithCountsAndRecordsInSequenceOrder() throws Exception {
        post("/sync/v1/batches", WireCodec.toJson(batch("WH-2", 3, 5)));
        post("/sync/v1/batches", WireCodec.toJson(batch("WH-2", 1, 2)));
        post("/sync/v1/batches", WireCodec.toJson(batch("WH-3", 1, 1)));

        JsonNode warehouses = WireCodec.mapper().readTree(get("/api/warehouses").body());
        assertThat(warehouses).hasSize(2);
        assertThat(warehouses.get(0).get("warehouseId").asText()).isEqualTo("WH-2");
        assertThat(warehouses.get(0).get("recordCount").asLong()).isEqualTo(5);
        assertThat(warehouses.get(0).get("countsByKind").get("pick").asLong()).isEqualTo(2);
        assertThat(warehouses.get(0).get("lastContactAt").asText()).isNotBlank();

        JsonNode records = WireCodec.mapper().readTree(get("/api/warehouses/WH-2/records").body()).get("records");
        assertThat(records).extracting(r -> r.get("key").asText())
                .containsExactly("WH-2:1", "WH-2:2", "WH-2:3", "WH-2:4", "WH-2:5");
        assertThat(records.get(0).get("kind").asText()).isEqualTo("movement");
        assertThat(records.get(0).get("payload").asText()).isEqualTo("{\"n\":1}");
    }

    @Test
    void pageListsWarehousesAndRecentRecords() throws Exception {
        post("/sync/v1/batches", WireCodec.toJson(batch("WH-5", 1, 2)));

        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("html"));
        assertThat(page.body()).contains("WH-5").contains("WH-5:2").contains("{&quot;n&quot;:2}");
    }

    @Test
    void aBatchSentAsAnythingButJsonIsRefusedWith415AndStoresNothing() throws Exception {
        byte[] body = WireCodec.toJson(batch("WH-1", 1, 2));
        for (String type : new String[]{"text/plain", null}) {
            HttpRequest.Builder b = HttpRequest.newBuilder(hq.uri().resolve("/sync/v1/batches"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (type != null) {
                b.header("Content-Type", type);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).as("Content-Type %s", type).isEqualTo(415);
            assertThat(WireCodec.mapper().readTree(r.body()).get("code").asText())
                    .isEqualTo(SyncErrorCode.UNSUPPORTED_MEDIA_TYPE.name());
        }
        assertThat(hq.store().warehouses()).isEmpty();
        // Parameters and case do not matter.
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(hq.uri().resolve("/sync/v1/batches"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type",
                        "Application/JSON; charset=utf-8").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @Test
    void aBatchLargerThanHqReadsIsRefusedWith413AndStoresNothing() throws Exception {
        byte[] huge = new byte[HqHandler.MAX_BODY + 1];
        java.util.Arrays.fill(huge, (byte) ' ');

        HttpResponse<String> r = post("/sync/v1/batches", huge);

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(WireCodec.mapper().readTree(r.body()).get("code").asText())
                .isEqualTo(SyncErrorCode.TOO_LARGE.name());
        assertThat(hq.store().warehouses()).isEmpty();
    }

    @Test
    void malformedBatchIsAnsweredWithAProblemAndStoresNothing() throws Exception {
        HttpResponse<String> r = post("/sync/v1/batches", "{\"warehouseId\":\"WH-1\",\"records\":[{\"seq\":".getBytes());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WireCodec.mapper().readTree(r.body()).get("code").asText())
                .isEqualTo(SyncErrorCode.PROTOCOL_VIOLATION.name());
        assertThat(hq.store().warehouses()).isEmpty();
    }

    @Test
    void unknownWarehouseIdInPathIsRefused() throws Exception {
        assertThat(get("/api/warehouses/bad%20id/records").statusCode()).isEqualTo(400);
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void secondServerOnABoundPortFailsWithAClearError() {
        HqServer clash = new HqServer(new HqSettings("127.0.0.1", hq.uri().getPort(),
                "jdbc:derby:memory:hq-" + UUID.randomUUID() + ";create=true"));

        assertThatThrownBy(clash::start).isInstanceOf(SyncException.class)
                .hasMessageContaining(String.valueOf(hq.uri().getPort()))
                .extracting(e -> ((SyncException) e).code()).isEqualTo(SyncErrorCode.SERVER_FAILED);
    }

    @Test
    void reportsAreServedAsJsonAndAsAPage() throws Exception {
        Instant now = Instant.now();
        Batch stock = new Batch("WH-8", List.of(
                new RecordEnvelope(1, "WH-8:1", "movement", 5, now, "{\"product\":\"P-9\",\"qty\":12}"),
                new RecordEnvelope(2, "WH-8:2", "movement", 5, now, "{\"product\":\"P-9\",\"qty\":-2}")),
                3L, now.minusSeconds(60));
        post("/sync/v1/batches", dev.wedge.sync.wire.Gzip.compress(WireCodec.toJson(stock)), "gzip");

        JsonNode stockReport = WireCodec.mapper().readTree(get("/api/reports/stock").body());
        assertThat(stockReport.get(0).get("product").asText()).isEqualTo("P-9");
        assertThat(stockReport.get(0).get("quantity").decimalValue()).isEqualByComparingTo("10");
        JsonNode hourly = WireCodec.mapper().readTree(get("/api/reports/movements-per-hour?hours=2").body());
        assertThat(hourly.get(0).get("count").asLong()).isEqualTo(2);
        JsonNode warehouses = WireCodec.mapper().readTree(get("/api/reports/warehouses").body());
        assertThat(warehouses.get(0).get("edgeBacklog").asLong()).isEqualTo(3);
        assertThat(get("/api/reports/shipments").statusCode()).isEqualTo(200);
        assertThat(get("/api/reports/nonsense").statusCode()).isEqualTo(404);
        assertThat(get("/api/reports/movements-per-hour?hours=x").statusCode()).isEqualTo(400);
        assertThat(get("/reports").body()).contains("P-9").contains("Movements per hour");
    }
}
