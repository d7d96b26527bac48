package dev.wedge.edge.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.auth.Role;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.1 document of the API, generated from the same {@link Route} table the router dispatches with,
 * so the document cannot drift from the code. Each operation lists the roles it admits in
 * {@code x-wedge-roles} (empty for public operations) and every status it may answer.
 */
final class OpenApiDocument {

    private static final Map<Integer, String> DESCRIPTIONS = Map.of(400, "Malformed request",
            401, "No session (or it expired), or the badge and PIN were not recognised",
            403, "The session's role is not admitted, or the CSRF token is missing", 404, "No such resource",
            409, "The resource's state does not allow this (already closed, duplicate)",
            413, "The request body is larger than the node reads (" + WebServer.MAX_BODY_BYTES + " bytes)",
            415, "The body is not application/json",
            422, "A scan or value the floor refuses; the detail says what was expected",
            429, "Too many wrong PINs for this badge", 503, "Busy with the same stock rows; the request may be repeated");

    private OpenApiDocument() {
    }

    static ObjectNode build(List<Route> routes) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info").put("title", "Wedge edge node API").put("version", "0.1.0")
                .put("description", "Handheld, supervisor and dock API of one warehouse's edge node. Errors are"
                        + " application/problem+json with a stable 'code'. State-changing requests need the"
                        + " session's CSRF token in the X-CSRF-Token header.");
        ObjectNode schemes = doc.putObject("components").putObject("securitySchemes");
        schemes.putObject("session").put("type", "apiKey").put("in", "cookie").put("name", Router.SESSION_COOKIE);
        schemes.putObject("csrf").put("type", "apiKey").put("in", "header").put("name", Router.CSRF_HEADER);
        ObjectNode problem = ((ObjectNode) doc.get("components")).putObject("schemas").putObject("Problem");
        problem.put("type", "object");
        ObjectNode props = problem.putObject("properties");
        for (String p : List.of("type", "title", "code", "detail")) {
            props.putObject(p).put("type", "string");
        }
        props.putObject("status").put("type", "integer");
        ObjectNode paths = doc.putObject("paths");
        for (Route r : routes) {
            ObjectNode path = paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
            path.set(r.method().toLowerCase(), operation(r));
        }
        return doc;
    }

    private static ObjectNode operation(Route r) {
        ObjectNode op = Json.MAPPER.createObjectNode();
        op.put("operationId", (r.method() + r.path()).replaceAll("[^A-Za-z0-9]+", "_"));
        op.put("summary", r.summary());
        op.putArray("tags").add(r.tag());
        ArrayNode roles = op.putArray("x-wedge-roles");
        r.roles().stream().map(Role::wire).sorted().forEach(roles::add);
        ArrayNode security = op.putArray("security");
        if (!r.isPublic()) {
            ObjectNode s = security.addObject();
            s.putArray("session");
            if (r.changesState()) {
                s.putArray("csrf");
            }
        }
        if (!r.parameters().isEmpty()) {
            ArrayNode params = op.putArray("parameters");
            for (String p : r.parameters()) {
                params.addObject().put("name", p).put("in", "path").put("required", true)
                        .putObject("schema").put("type", "string");
            }
        }
        if (!r.body().isEmpty()) {
            ObjectNode schema = op.putObject("requestBody").put("required", true).putObject("content")
                    .putObject("application/json").putObject("schema").put("type", "object");
            ObjectNode props = schema.putObject("properties");
            r.body().forEach(b -> props.putObject(b));
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject(Integer.toString(r.success()));
        ok.put("description", r.success() == 204 ? "Done" : "Success");
        if (r.success() != 204) {
            ok.putObject("content").putObject(r.produces()).putObject("schema")
                    .put("type", Route.EVENT_STREAM.equals(r.produces()) ? "string" : "object");
        }
        java.util.SortedSet<Integer> statuses = new java.util.TreeSet<>(r.responses());
        if (!"GET".equals(r.method())) {
            // The web server refuses an oversized body before any route sees it, whatever the route.
            statuses.add(413);
        }
        for (int status : statuses) {
            responses.putObject(Integer.toString(status)).put("description", DESCRIPTIONS.get(status))
                    .putObject("content").putObject("application/problem+json").putObject("schema")
                    .put("$ref", "#/components/schemas/Problem");
        }
        return op;
    }
}
