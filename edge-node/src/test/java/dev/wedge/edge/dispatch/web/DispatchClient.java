package dev.wedge.edge.dispatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** An HTTP client of the dispatch API that logs in like the apps do: keeps the session cookie and the CSRF token. */
public final class DispatchClient {
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private String csrf = "";
    private String cookie = "";

    /** @param base where the handler is mounted, ending in {@code /} */
    public DispatchClient(URI base) {
        this.base = base;
    }

    /** Logs in; returns the status (201 when it worked). */
    public int login(String badge, String pin) throws Exception {
        HttpResponse<String> r = send("POST", "api/dispatch/session", "{\"badge\":\"" + badge + "\",\"pin\":\""
                + pin + "\"}");
        if (r.statusCode() == 201) {
            csrf = json.readTree(r.body()).path("csrfToken").asText();
            cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        }
        return r.statusCode();
    }

    /** The session cookie ({@code name=value}), empty before a login. */
    public String cookie() {
        return cookie;
    }

    public DispatchClient loggedIn(String badge, String pin) throws Exception {
        int status = login(badge, pin);
        if (status != 201) {
            throw new AssertionError("login of " + badge + " answered " + status);
        }
        return this;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null);
    }

    public HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    public JsonNode getJson(String path) throws Exception {
        return json.readTree(get(path).body());
    }

    /** Sends a request relative to the base (a leading {@code /} is dropped); state changes carry the CSRF token. */
    public HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        }
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        if (!"GET".equals(method) && !csrf.isEmpty()) {
            b.header("X-CSRF-Token", csrf);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path));
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
