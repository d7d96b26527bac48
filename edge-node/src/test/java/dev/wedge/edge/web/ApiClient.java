package dev.wedge.edge.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A handheld as an HTTP client: keeps the session cookie and sends the CSRF token it was given at login. */
public final class ApiClient {

    /** A response: status, content type and the parsed JSON body (null when empty). */
    public record Reply(int status, String contentType, JsonNode body) {
        public String code() {
            return body == null ? null : body.path("code").asText(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private String csrf;
    private String device = "hh-test";
    private String cookie;

    public ApiClient(URI base) {
        this.base = base;
        // The session cookie is kept by hand: the JDK's CookieManager does not send cookies back to an IP host.
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public ApiClient device(String id) {
        this.device = id;
        return this;
    }

    public Reply login(String badge, String pin) throws IOException, InterruptedException {
        Reply r = send("POST", "/api/session", "{\"badge\":\"" + badge + "\",\"pin\":\"" + pin + "\"}");
        if (r.status() == 201) {
            csrf = r.body().path("csrfToken").asText();
        }
        return r;
    }

    public Reply get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    public Reply post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json);
    }

    public Reply scan(String path, String typed) throws IOException, InterruptedException {
        return send("POST", path, JSON.createObjectNode().put("scan", typed).toString());
    }

    public Reply send(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, json, true);
    }

    public Reply send(String method, String path, String json, boolean withCsrf)
            throws IOException, InterruptedException {
        return send(method, path, json == null ? null : json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                withCsrf);
    }

    /** Sends {@code raw} as it is, declared as JSON: for bodies that are not what they claim to be. */
    public Reply send(String method, String path, byte[] raw, boolean withCsrf)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("X-Wedge-Device", device);
        if (cookie != null && !cookie.endsWith("=")) {
            b.header("Cookie", cookie);
        }
        if (withCsrf && csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        if (raw != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(raw));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<java.io.InputStream> res = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        res.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.split(";", 2)[0]);
        String type = res.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("text/event-stream")) {
            // A stream does not end by itself: the status and type are the answer; the events are read by events().
            res.body().close();
            return new Reply(res.statusCode(), type, null);
        }
        String text;
        try (java.io.InputStream in = res.body()) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        JsonNode body = text.isEmpty() ? null : JSON.readTree(text);
        return new Reply(res.statusCode(), type, body);
    }

    /** Opens a server-sent event stream with the session and returns its lines as they arrive. */
    public HttpResponse<java.util.stream.Stream<String>> events(String path) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/event-stream")
                .header("X-Wedge-Device", device).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
    }
}
