package dev.wedge.edge.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.auth.Sessions;
import java.util.Map;

/** A matched API request: its path parameters, JSON body and the caller's session (null on public routes). */
public final class ApiRequest {

    private final Map<String, String> params;
    private final ObjectNode body;
    private final Sessions.Session session;
    private final String device;

    ApiRequest(Map<String, String> params, ObjectNode body, Sessions.Session session, String device) {
        this.params = params;
        this.body = body;
        this.session = session;
        this.device = device;
    }

    public String param(String name) {
        return params.get(name);
    }

    public long longParam(String name) throws ApiException {
        try {
            return Long.parseLong(params.get(name));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " '" + params.get(name) + "' is not a number");
        }
    }

    public ObjectNode body() {
        return body;
    }

    public String text(String field) throws ApiException {
        JsonNode n = body.get(field);
        if (n == null || !n.isTextual() || n.asText().isEmpty()) {
            throw ApiException.badRequest("the body needs a text field '" + field + "'");
        }
        return n.asText();
    }

    public String text(String field, String fallback) {
        JsonNode n = body.get(field);
        return n == null || !n.isTextual() || n.asText().isEmpty() ? fallback : n.asText();
    }

    public int integer(String field) throws ApiException {
        return integer(body.get(field), "the body needs a whole number field '" + field + "'");
    }

    /**
     * A JSON whole number that fits an int; anything else (a fraction, text, a number out of range, which
     * {@link JsonNode#asInt()} would silently truncate or wrap) is refused with {@code problem} as the detail.
     */
    static int integer(JsonNode n, String problem) throws ApiException {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
            throw ApiException.badRequest(problem);
        }
        return n.asInt();
    }

    public Sessions.Session session() {
        return session;
    }

    /** The badge of the logged-in person. */
    public String badge() {
        return session.user().badge();
    }

    /** The handheld the request came from (header {@code X-Wedge-Device}, else the badge). */
    public String device() {
        return device;
    }
}
