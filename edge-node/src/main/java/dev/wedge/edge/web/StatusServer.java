package dev.wedge.edge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge node's web server: {@code /api/status} as JSON and a small status page at {@code /} that reads it.
 * Errors are answered as {@code application/problem+json} (RFC 9457).
 */
public final class StatusServer {

    private static final Logger LOG = LoggerFactory.getLogger(StatusServer.class);

    /** Produces the status document; called on a Jetty thread per request. */
    @FunctionalInterface
    public interface StatusSource {
        ObjectNode status() throws Exception;
    }

    private final String host;
    private final int port;
    private final StatusSource source;
    private final ObjectMapper json = new ObjectMapper();
    private Server server;
    private final java.util.List<Handler> mounted = new java.util.ArrayList<>();

    public StatusServer(String host, int port, StatusSource source) {
        this.host = host;
        this.port = port;
        this.source = source;
    }

    /** Mounts a feature's own handler ahead of the status routes; call before {@link #start()}. */
    public void mount(Handler handler) {
        mounted.add(handler);
    }

    /** Starts listening and returns the bound port. */
    public int start() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("edge-web");
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        Handler status = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                route(request, response, callback);
                return true;
            }
        };
        Handler.Sequence all = new Handler.Sequence(mounted);
        all.addHandler(status);
        server.setHandler(all);
        server.start();
        return connector.getLocalPort();
    }

    public URI uri() {
        ServerConnector c = (ServerConnector) server.getConnectors()[0];
        return URI.create("http://" + host + ":" + c.getLocalPort() + "/");
    }

    public void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private void route(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!"GET".equals(request.getMethod())) {
            problem(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "method-not-allowed",
                    request.getMethod() + " is not allowed on " + path);
            return;
        }
        switch (path) {
            case "/api/status" -> {
                try {
                    send(response, callback, 200, "application/json", json.writeValueAsString(source.status()));
                } catch (Exception e) {
                    LOG.error("status request failed", e);
                    problem(response, callback, 500, "status-unavailable", "status could not be read: " + e.getMessage());
                }
            }
            case "/", "/index.html" -> send(response, callback, 200, "text/html; charset=utf-8", StatusPage.HTML.get());
            default -> problem(response, callback, 404, "not-found", "no resource at " + path);
        }
    }

    private void problem(Response response, Callback callback, int status, String code, String detail) {
        ObjectNode p = json.createObjectNode();
        p.put("type", "urn:wedge:problem:" + code);
        p.put("title", HttpStatus.getMessage(status));
        p.put("status", status);
        p.put("code", code);
        p.put("detail", detail);
        send(response, callback, status, "application/problem+json", p.toString());
    }

    private static void send(Response response, Callback callback, int status, String type, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Content.Sink.write(response, true, body, callback);
    }

    /** The status page, loaded once from the class path. */
    static final class StatusPage {
        static final Supplier<String> HTML = new Supplier<>() {
            private volatile String page;

            @Override
            public String get() {
                if (page == null) {
                    try (var in = StatusServer.class.getResourceAsStream("/web/status.html")) {
                        page = in == null ? "<!doctype html><title>Wedge</title><p>status page missing from the build"
                                : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (java.io.IOException e) {
                        page = "<!doctype html><title>Wedge</title><p>status page unreadable: " + e.getMessage();
                    }
                }
                return page;
            }
        };
    }
}
