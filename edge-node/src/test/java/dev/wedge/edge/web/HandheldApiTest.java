package dev.wedge.edge.web;

import static dev.wedge.edge.demo.HandheldSample.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wedge.edge.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HandheldApiTest {

    private static NodeTestBed bed;

    @BeforeAll
    static void node() throws Exception {
        bed = new NodeTestBed();
    }

    @AfterAll
    static void stop() throws Exception {
        bed.close();
    }

    private static ApiClient as(Role role) throws Exception {
        ApiClient c = new ApiClient(bed.uri()).device("hh-" + role.wire());
        assertThat(c.login(NodeTestBed.BADGES.get(role), NodeTestBed.pin(role)).status()).isEqualTo(201);
        return c;
    }

    @Test
    void refusesAWrongPinWithoutSayingWhichPartWasWrong() throws Exception {
        ApiClient.Reply r = new ApiClient(bed.uri()).login("B-PICK", "999999");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("login-failed");
    }

    @Test
    void locksABadgeOutAfterFiveWrongPins() throws Exception {
        ApiClient c = new ApiClient(bed.uri());
        bed.node.floor().users().create("B-LOCK", "lock test", Role.PICKER, "4321".toCharArray());
        for (int i = 0; i < 5; i++) {
            assertThat(c.login("B-LOCK", "0000").status()).isEqualTo(401);
        }

        assertThat(c.login("B-LOCK", "4321").code()).isEqualTo("login-locked");
    }

    @Test
    void refusesAStateChangeWithoutTheSessionsCsrfToken() throws Exception {
        ApiClient picker = as(Role.PICKER);

        ApiClient.Reply r = picker.send("POST", "/api/pick-tasks/1/short", "{\"reason\":\"DAMAGED\"}", false);

        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(403);
        assertThat(r.code()).isEqualTo("csrf-mismatch");
    }

    @Test
    void refusesAScanSentAsAFormInsteadOfJson() throws Exception {
        ApiClient picker = as(Role.PICKER);
        var http = java.net.http.HttpClient.newHttpClient();
        // No cookie at all: a cross-site form post gets neither a session nor a JSON body through.
        var res = http.send(java.net.http.HttpRequest.newBuilder(bed.uri().resolve("/api/session"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("badge=B-PICK&pin=12340")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(res.statusCode()).isEqualTo(415);
        assertThat(picker.get("/api/session").status()).isEqualTo(200);
    }

    @Test
    void refusesAnOversizedBodyBeforeLoginWithAProblemInsteadOfReadingItAll() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        // Far above any real request; without a limit the node would hold all of it in memory, for anyone.
        byte[] huge = new byte[8 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'A');
        var res = http.send(java.net.http.HttpRequest.newBuilder(bed.uri().resolve("/api/session"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(huge)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(res.statusCode()).isEqualTo(413);
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(Json.MAPPER.readTree(res.body()).path("code").asText()).isEqualTo("payload-too-large");
    }

    @Test
    void refusesAnOrderLineQuantityThatIsNotAWholeNumberInRangeAndStoresNothingOfTheOrder() throws Exception {
        ApiClient supervisor = as(Role.SUPERVISOR);
        String head = "{\"customer\":\"c\",\"route\":\"R9\",\"stopSequence\":1,\"dockDoor\":\"DOCK-9\","
                + "\"plannedDeparture\":\"2026-12-04T10:00:00Z\",\"orderId\":";
        // 99999999999 used to wrap round to 1215752191, 2.5 to become 2 and "3" to be read as 3.
        for (String quantity : new String[]{"99999999999", "2.5", "\"3\"", "null"}) {
            String id = "Q-" + Math.abs(quantity.hashCode());
            ApiClient.Reply r = supervisor.post("/api/orders", head + "\"" + id + "\",\"lines\":[{\"sku\":\"" + WATER
                    + "\",\"quantity\":1},{\"sku\":\"" + WATER + "\",\"quantity\":" + quantity + "}]}");

            assertThat(r.status()).as(quantity + ": " + r.body()).isEqualTo(400);
            assertThat(r.code()).isEqualTo("invalid-request");
            assertThat(r.body().path("detail").asText()).contains("line 2", "quantity");
            assertThat(supervisor.get("/api/orders").body().findValuesAsText("orderId")).doesNotContain(id);
        }
    }

    @Test
    void refusesABodyThatIsNotUtf8InsteadOfActingOnReplacementCharactersAndStoresNoScan() throws Exception {
        ApiClient picker = as(Role.PICKER);
        long wave = picker.get("/api/waves").body().get(0).path("waveId").asLong();
        long task = picker.get("/api/waves/" + wave + "/next-task").body().path("task").path("taskId").asLong();
        JsonNode before = picker.get("/api/pick-tasks/" + task).body();
        long scansBefore = scansStored();
        // "é" sent as Latin-1 is not UTF-8: a lenient decoder would act on a U+FFFD nobody typed.
        byte[] latin1 = "{\"scan\":\"B-01-01-1\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        ApiClient.Reply r = picker.send("POST", "/api/pick-tasks/" + task + "/scans", latin1, true);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("invalid-request");
        assertThat(r.body().path("detail").asText()).contains("not valid UTF-8");
        assertThat(scansStored()).isEqualTo(scansBefore);
        assertThat(picker.get("/api/pick-tasks/" + task).body()).isEqualTo(before);
    }

    @Test
    void answersRequestsTheWebServerRefusesItselfWithAProblemToo() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        // An encoded '/' in a path and a header far above the server's limit never reach the router.
        var ambiguous = http.send(java.net.http.HttpRequest.newBuilder(bed.uri().resolve("/api/trucks/a%2Fb"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        var hugeHeader = http.send(java.net.http.HttpRequest.newBuilder(bed.uri().resolve("/api/session"))
                .header("X-Wedge-Device", "d".repeat(64 * 1024)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        for (var res : java.util.List.of(ambiguous, hugeHeader)) {
            assertThat(res.statusCode()).isBetween(400, 499);
            assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("application/problem+json"));
            JsonNode problem = Json.MAPPER.readTree(res.body());
            assertThat(problem.path("status").asInt()).isEqualTo(res.statusCode());
            assertThat(problem.path("code").asText()).isNotBlank();
        }
        assertThat(Json.MAPPER.readTree(ambiguous.body()).path("code").asText()).isEqualTo("invalid-request");
        assertThat(Json.MAPPER.readTree(ambiguous.body()).path("detail").asText()).containsIgnoringCase("ambiguous");
    }

    @Test
    void refusesABodyWithAnythingAfterItsJsonObjectAndStoresNoScan() throws Exception {
        ApiClient picker = as(Role.PICKER);
        long wave = picker.get("/api/waves").body().get(0).path("waveId").asLong();
        JsonNode task = picker.get("/api/waves/" + wave + "/next-task").body().path("task");
        String path = "/api/pick-tasks/" + task.path("taskId").asLong();
        JsonNode before = picker.get(path).body();
        long scansBefore = scansStored();

        for (String body : new String[]{"{\"scan\":\"" + task.path("location").asText() + "\"} {\"scan\":\"x\"}",
                "{\"scan\":\"" + task.path("location").asText() + "\"} trailing"}) {
            ApiClient.Reply r = picker.send("POST", path + "/scans", body);

            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.code()).isEqualTo("invalid-request");
            assertThat(r.body().path("detail").asText()).contains("not valid JSON");
        }
        assertThat(scansStored()).isEqualTo(scansBefore);
        assertThat(picker.get(path).body()).isEqualTo(before);
    }

    private static long scansStored() throws Exception {
        return bed.node.floor().tx().read(c -> dev.wedge.edge.floor.Jdbc.count(c, "SELECT COUNT(*) FROM scan"));
    }

    @Test
    void answersAWrongLocationScanWithAProblemNamingTheExpectedLocation() throws Exception {
        ApiClient picker = as(Role.PICKER);
        long wave = picker.get("/api/waves").body().get(0).path("waveId").asLong();
        JsonNode task = picker.get("/api/waves/" + wave + "/next-task").body().path("task");

        ApiClient.Reply r = picker.scan("/api/pick-tasks/" + task.path("taskId").asLong() + "/scans", LOC_EMPTY);

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("wrong-location");
        assertThat(r.body().path("detail").asText()).contains("Go to " + task.path("location").asText());
    }

    @Test
    void readsGsSubstitutesTypedByTheWedgeScanner() throws Exception {
        ApiClient picker = as(Role.PICKER);
        long wave = picker.get("/api/waves").body().get(0).path("waveId").asLong();
        JsonNode task = picker.get("/api/waves/" + wave + "/next-task").body().path("task");
        String path = "/api/pick-tasks/" + task.path("taskId").asLong() + "/scans";
        picker.scan(path, task.path("location").asText() + "\r");
        String gtin = bed.node.floor().tx().read(c -> dev.wedge.edge.floor.Jdbc.one(c,
                "SELECT gtin FROM product WHERE sku = ?", rs -> rs.getString(1), task.path("sku").asText())).orElseThrow();

        ApiClient.Reply r = picker.scan(path, "]C101" + gtin + "10" + task.path("lot").asText() + "{GS}21X");

        // The {GS} became a real separator: the lot was read without the serial glued to it.
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        assertThat(r.body().path("task").path("step").asText()).isEqualTo("QUANTITY");
    }

    @Test
    void keepsTheStatusDocumentPublicWithItsKeys() throws Exception {
        ApiClient.Reply r = new ApiClient(bed.uri()).get("/api/status");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().fieldNames()).toIterable().contains("nodeId", "scanners", "scans", "labels", "movements",
                "recentScans", "outbox");
    }

    @Test
    void showsTheSupervisorTheSyncConflictListAndThatNoConveyorIsConfigured() throws Exception {
        try (java.sql.Connection c = bed.node.database().getConnection(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO sync_conflict (node_id, cursor_no, kind, entity_key, reason, detail,"
                    + " incoming_payload, detected_at) VALUES ('WH-T', 7, 'order-cancelled', 'O-9',"
                    + " 'cancelled-while-picking', 'HQ cancelled order O-9 but it is already RELEASED', '{}',"
                    + " CURRENT_TIMESTAMP)");
        }

        ApiClient.Reply r = as(Role.SUPERVISOR).get("/api/supervisor/overview");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("sync").path("conflicts")).anySatisfy(c -> {
            assertThat(c.path("key").asText()).isEqualTo("O-9");
            assertThat(c.path("detail").asText()).contains("RELEASED");
        });
        assertThat(r.body().path("conveyor").path("available").asBoolean()).isFalse();
    }

    @Test
    void servesTheOpenApiDocumentWithRolesOnEveryOperation() throws Exception {
        JsonNode doc = new ApiClient(bed.uri()).get("/api/openapi.json").body();

        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.path("paths").path("/api/pick-tasks/{taskId}/scans").path("post").path("x-wedge-roles"))
                .extracting(JsonNode::asText).containsExactly("picker");
        assertThat(doc.path("paths").size()).isGreaterThan(25);
        // Every operation that reads a body documents the answer to one that is too large, and only those.
        assertThat(doc.path("paths").path("/api/pick-tasks/{taskId}/scans").path("post").path("responses")
                .path("413").path("description").asText()).contains(Integer.toString(WebServer.MAX_BODY_BYTES));
        assertThat(doc.path("paths").path("/api/pick-tasks/{taskId}").path("get").path("responses").has("413"))
                .isFalse();
    }
}
