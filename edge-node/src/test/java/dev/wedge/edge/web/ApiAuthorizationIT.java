package dev.wedge.edge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wedge.edge.auth.Role;
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
 * Calls every operation of the node's own OpenAPI document with no session and with each role, and checks the
 * answer against the document: 401 without a session, 403 for a role the operation does not admit, and for an
 * admitted role a status the operation documents (never 401, 403 or 500).
 */
class ApiAuthorizationIT {

    private static NodeTestBed bed;
    private static final Map<Role, ApiClient> clients = new EnumMap<>(Role.class);

    @BeforeAll
    static void node() throws Exception {
        bed = new NodeTestBed();
        for (Role role : Role.values()) {
            clients.put(role, login(role));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        bed.close();
    }

    private static ApiClient login(Role role) throws Exception {
        ApiClient c = new ApiClient(bed.uri()).device("auth-" + role.wire());
        assertThat(c.login(NodeTestBed.BADGES.get(role), NodeTestBed.pin(role)).status()).isEqualTo(201);
        return c;
    }

    private record Operation(String method, String path, Set<String> roles, Set<Integer> documented) {
        String concretePath() {
            return path.replaceAll("\\{[A-Za-z]*[iI]d}", "1").replaceAll("\\{[A-Za-z]+}", "X-1");
        }
    }

    private static List<Operation> operations() throws Exception {
        JsonNode doc = new ApiClient(bed.uri()).get("/api/openapi.json").body();
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
        ops.sort((a, b) -> Boolean.compare(isLogout(a), isLogout(b)));
        return ops;
    }

    private static boolean isLogout(Operation op) {
        return op.method().equals("DELETE") && op.path().equals("/api/session");
    }

    private static ApiClient.Reply call(ApiClient client, Operation op) throws Exception {
        return client.send(op.method(), op.concretePath(), op.method().equals("GET")
                || op.method().equals("DELETE") ? null : "{}");
    }

    @Test
    void everyOperationAnswersEachRoleAndNoSessionAsDocumented() throws Exception {
        List<Operation> ops = operations();
        assertThat(ops).hasSizeGreaterThan(30);
        SoftAssertions soft = new SoftAssertions();
        for (Operation op : ops) {
            ApiClient.Reply anonymous = call(new ApiClient(bed.uri()), op);
            String what = op.method() + " " + op.path();
            if (op.roles().isEmpty()) {
                soft.assertThat(anonymous.status()).as(what + " without session").isIn(op.documented());
            } else {
                soft.assertThat(anonymous.status()).as(what + " without session").isEqualTo(401);
                soft.assertThat(anonymous.code()).as(what + " without session").isEqualTo("not-authenticated");
            }
            for (Role role : Role.values()) {
                ApiClient.Reply r = call(clients.get(role), op);
                String as = what + " as " + role.wire() + " -> " + r.body();
                if (op.roles().isEmpty() || op.roles().contains(role.wire())) {
                    soft.assertThat(r.status()).as(as).isIn(op.documented()).isNotIn(401, 403, 500);
                } else {
                    soft.assertThat(r.status()).as(as).isEqualTo(403);
                    soft.assertThat(r.code()).as(as).isEqualTo("forbidden");
                }
                if (r.status() >= 400) {
                    soft.assertThat(r.contentType()).as(as).startsWith("application/problem+json");
                }
            }
        }
        soft.assertAll();
    }
}
