package dev.wedge.edge.dispatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wedge.edge.auth.Role;
import dev.wedge.edge.web.NodeTestBed;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dispatch counterpart of the handheld API's authorization test, on a whole edge node: calls every operation
 * of dispatch's own OpenAPI document with no session and with each role (users created the way an admin
 * creates them), and checks each answer against the document: 401 without a session, 403 for a role the
 * operation does not admit, and for an admitted role a documented status other than 401, 403 and 500.
 */
class DispatchAuthorizationIT {
    private static NodeTestBed bed;
    private static final Map<Role, DispatchClient> clients = new EnumMap<>(Role.class);

    @BeforeAll
    static void node() throws Exception {
        bed = new NodeTestBed(false);
        for (Role role : Role.values()) {
            clients.put(role, new DispatchClient(bed.uri()).loggedIn(NodeTestBed.BADGES.get(role),
                    NodeTestBed.pin(role)));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        bed.close();
    }

    private record Operation(String method, String path, Set<String> roles, Set<Integer> documented) {
        String concretePath(String badge) {
            // A driver asks for their own day: another driver's is refused, which a test below shows.
            return path.replace("{driverId}", badge).replaceAll("\\{[A-Za-z]*[iI]d}", "1")
                    .replaceAll("\\{[A-Za-z]+}", "X-1");
        }
    }

    private static List<Operation> operations() throws Exception {
        JsonNode doc = new DispatchClient(bed.uri()).getJson("api/dispatch/openapi.json");
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> m = p.getValue().fields(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> op = m.next();
                Set<String> roles = new HashSet<>();
                op.getValue().path("x-wedge-roles").forEach(r -> roles.add(r.asText()));
                Set<Integer> documented = new HashSet<>();
                op.getValue().path("responses").fieldNames().forEachRemaining(s -> documented.add(Integer.parseInt(s)));
                ops.add(new Operation(op.getKey().toUpperCase(), p.getKey(), roles, documented));
            }
        }
        // Logging out ends the client's session, so it goes last.
        ops.sort((a, b) -> Boolean.compare(a.method().equals("DELETE"), b.method().equals("DELETE")));
        return ops;
    }

    private static HttpResponse<String> call(DispatchClient client, Operation op, String badge) throws Exception {
        return client.send(op.method(), op.concretePath(badge), op.method().equals("GET")
                || op.method().equals("DELETE") ? null : "{}");
    }

    private static String code(HttpResponse<String> r) throws Exception {
        return new ObjectMapper().readTree(r.body().isEmpty() ? "{}" : r.body()).path("code").asText();
    }

    @Test
    void everyDispatchOperationAnswersEachRoleAndNoSessionAsDocumented() throws Exception {
        List<Operation> ops = operations();
        assertThat(ops).hasSizeGreaterThan(14);
        SoftAssertions soft = new SoftAssertions();
        for (Operation op : ops) {
            String what = op.method() + " " + op.path();
            HttpResponse<String> anonymous = call(new DispatchClient(bed.uri()), op, "NOBODY");
            if (op.roles().isEmpty()) {
                soft.assertThat(anonymous.statusCode()).as(what + " without session").isIn(op.documented());
            } else {
                soft.assertThat(anonymous.statusCode()).as(what + " without session").isEqualTo(401);
                soft.assertThat(code(anonymous)).as(what + " without session").isEqualTo("not-authenticated");
            }
            for (Role role : Role.values()) {
                HttpResponse<String> r = call(clients.get(role), op, NodeTestBed.BADGES.get(role));
                String as = what + " as " + role.wire() + " -> " + r.body();
                if (op.roles().isEmpty() || op.roles().contains(role.wire())) {
                    soft.assertThat(r.statusCode()).as(as).isIn(op.documented()).isNotIn(401, 403, 500);
                } else {
                    soft.assertThat(r.statusCode()).as(as).isEqualTo(403);
                    soft.assertThat(code(r)).as(as).isEqualTo("forbidden");
                }
                if (r.statusCode() >= 400 && !op.path().startsWith("/track/")) {
                    soft.assertThat(r.headers().firstValue("Content-Type").orElse("")).as(as)
                            .startsWith("application/problem+json");
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void aDriverAccountMadeByAnAdminLogsIntoTheDriverAppButNotIntoAnotherDriversDay() throws Exception {
        DispatchClient admin = new DispatchClient(bed.uri());
        // The handheld API's own login and user endpoints: one account system for both apps.
        HttpResponse<String> login = admin.send("POST", "api/session", "{\"badge\":\"" + NodeTestBed.BADGES.get(
                Role.ADMIN) + "\",\"pin\":\"" + NodeTestBed.pin(Role.ADMIN) + "\"}");
        assertThat(login.statusCode()).isEqualTo(201);
        String csrf = new ObjectMapper().readTree(login.body()).path("csrfToken").asText();
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> created = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(bed.uri().resolve("api/users")).header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"badge\":\"D-77\",\"name\":\"Dana\",\"role\":\"driver\",\"pin\":\"7777\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        DispatchClient dana = new DispatchClient(bed.uri()).loggedIn("D-77", "7777");
        assertThat(dana.getJson("api/dispatch/session").path("role").asText()).isEqualTo("driver");
        HttpResponse<String> other = dana.get("api/dispatch/drivers/" + NodeTestBed.BADGES.get(Role.DRIVER) + "/day");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(code(other)).isEqualTo("forbidden");
    }
}
