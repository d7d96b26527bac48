package dev.wedge.edge.dispatch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.auth.Role;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The OpenAPI 3.1 document of dispatch's endpoints, built from the same {@link Endpoint} table the handler
 * enforces. Like the handheld API's document, each operation lists its roles in {@code x-wedge-roles} (empty for
 * public ones) and every status it may answer; paths are relative to where the handler is mounted.
 */
final class DispatchOpenApi {
    private DispatchOpenApi() {
    }

    static ObjectNode build(List<Endpoint> endpoints, ObjectMapper json) {
        ObjectNode doc = json.createObjectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info").put("title", "Wedge dispatch API").put("version", "0.1.0")
                .put("description", "Driver app, dispatcher and tracking endpoints. Errors are"
                        + " application/problem+json with a stable 'code'. State-changing requests need the"
                        + " session's CSRF token in the " + DispatchAccess.CSRF_HEADER + " header.");
        ObjectNode schemes = doc.putObject("components").putObject("securitySchemes");
        schemes.putObject("session").put("type", "apiKey").put("in", "cookie").put("name", DispatchAccess.SESSION_COOKIE);
        schemes.putObject("csrf").put("type", "apiKey").put("in", "header").put("name", DispatchAccess.CSRF_HEADER);
        ObjectNode paths = doc.putObject("paths");
        for (Endpoint e : endpoints) {
            ObjectNode path = paths.has(e.path()) ? (ObjectNode) paths.get(e.path()) : paths.putObject(e.path());
            path.set(e.method().toLowerCase(Locale.ROOT), operation(e, json));
        }
        return doc;
    }

    private static ObjectNode operation(Endpoint e, ObjectMapper json) {
        ObjectNode op = json.createObjectNode();
        op.put("operationId", (e.method() + e.path()).replaceAll("[^A-Za-z0-9]+", "_"));
        op.put("summary", e.summary());
        ArrayNode roles = op.putArray("x-wedge-roles");
        e.roles().stream().map(Role::wire).sorted().forEach(roles::add);
        ArrayNode security = op.putArray("security");
        if (!e.isPublic()) {
            ObjectNode s = security.addObject();
            s.putArray("session");
            if (e.changesState()) {
                s.putArray("csrf");
            }
        }
        if (!e.parameters().isEmpty()) {
            ArrayNode params = op.putArray("parameters");
            e.parameters().forEach(p -> params.addObject().put("name", p).put("in", "path").put("required", true)
                    .putObject("schema").put("type", "string"));
        }
        ObjectNode responses = op.putObject("responses");
        TreeSet<Integer> all = new TreeSet<>(e.statuses());
        all.add(success(e));
        all.add(500);
        for (int status : all) {
            ObjectNode r = responses.putObject(Integer.toString(status));
            r.put("description", org.eclipse.jetty.http.HttpStatus.getMessage(status));
            if (status >= 400) {
                r.putObject("content").putObject("application/problem+json");
            }
        }
        return op;
    }

    private static int success(Endpoint e) {
        if (e.method().equals("DELETE")) {
            return 204;
        }
        return e.path().equals("/api/dispatch/session") && e.method().equals("POST") ? 201 : 200;
    }
}
