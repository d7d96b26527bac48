package dev.wedge.edge.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The edge node's web server (Jetty 12 core handlers): the REST API under {@code /api/} through the
 * {@link Router}, the handheld app under {@code /app/}, the supervisor view under {@code /supervisor/} and the
 * plain status page at {@code /status}. {@code /} sends handhelds to the app.
 */
public final class WebServer {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml");
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " frame-ancestors 'none'";
    /**
     * Largest request body the API reads. Far above any real request (a scan, an order, a user), and it stops
     * anyone who can reach the port, before logging in, from making the node hold an endless body in memory.
     */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final String host;
    private final int port;
    private final Router router;
    private final Map<String, byte[]> assets = new ConcurrentHashMap<>();
    private final List<Handler> mounted = new java.util.ArrayList<>();
    private Server server;

    public WebServer(String host, int port, List<Route> routes, dev.wedge.edge.auth.Sessions sessions) {
        this.host = host;
        this.port = port;
        this.router = new Router(routes, sessions);
    }

    public List<Route> routes() {
        return router.routes();
    }

    /**
     * Mounts a feature's own handler (dispatch's driver app, for one) ahead of the router; call before
     * {@link #start()}. A mounted handler answers the paths it owns and declines the rest.
     */
    public void mount(Handler handler) {
        mounted.add(handler);
    }

    /** Starts listening and returns the bound port. */
    public int start() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("edge-web");
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        Handler.Sequence all = new Handler.Sequence(mounted);
        all.addHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                serve(request, response, callback);
                return true;
            }
        });
        server.setHandler(all);
        server.setErrorHandler(new ProblemErrors());
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

    private void serve(Request request, Response response, Callback callback) throws IOException {
        String path = Request.getPathInContext(request);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        if (path.startsWith("/api/")) {
            String body = apiBody(request, response, callback);
            if (body == null) {
                return;
            }
            Router.Answer a = router.handle(request.getMethod(), path, n -> request.getHeaders().get(n), body);
            a.headers().forEach((k, v) -> response.getHeaders().add(k, v));
            if (a.stream() != null) {
                // The response stays open: the feed writes events to it and completes the callback at the end.
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, Route.EVENT_STREAM + "; charset=utf-8");
                a.stream().feed().subscribe(new EventSink(response, callback), a.stream().sessionToken());
                return;
            }
            write(response, callback, a.status(), a.contentType(), a.body().getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!"GET".equals(request.getMethod())) {
            send(response, callback, Router.problem(405, "method-not-allowed", request.getMethod()
                    + " is not allowed on " + path));
            return;
        }
        switch (path) {
            case "/", "/index.html" -> {
                response.getHeaders().put(HttpHeader.LOCATION, "/app/");
                write(response, callback, 302, "text/plain", new byte[0]);
            }
            case "/status" -> asset(response, callback, "/web/status.html", false);
            case "/app", "/app/" -> asset(response, callback, "/web/app/index.html", true);
            case "/supervisor", "/supervisor/" -> asset(response, callback, "/web/supervisor/index.html", true);
            default -> {
                if (path.matches("/(app|supervisor)/[a-z0-9-]+\\.(js|css|svg)")) {
                    asset(response, callback, "/web" + path, true);
                } else {
                    send(response, callback, Router.problem(404, "not-found", "no resource at " + path));
                }
            }
        }
    }

    /** An API request's body as text; null after answering a body that is too long or not UTF-8. */
    private String apiBody(Request request, Response response, Callback callback) throws IOException {
        if ("GET".equals(request.getMethod())) {
            return "";
        }
        try {
            String body = body(request);
            if (body != null) {
                return body;
            }
            send(response, callback, Router.problem(413, "payload-too-large", "a request body is at most "
                    + MAX_BODY_BYTES + " bytes"));
        } catch (CharacterCodingException e) {
            // Decoding it anyway would turn the bad bytes into U+FFFD and act on a scan nobody typed.
            send(response, callback, Router.problem(400, "invalid-request", "the body is not valid UTF-8 (send"
                    + " JSON as UTF-8)"));
        }
        return null;
    }

    /**
     * The request body as text, or null when it is longer than {@link #MAX_BODY_BYTES}.
     *
     * @throws CharacterCodingException the body is not valid UTF-8
     */
    private static String body(Request request) throws IOException {
        if (request.getLength() > MAX_BODY_BYTES) {
            return null;
        }
        byte[] bytes = Content.Source.asInputStream(request).readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? null : StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    private void asset(Response response, Callback callback, String resource, boolean strict) throws IOException {
        byte[] bytes = assets.computeIfAbsent(resource, r -> {
            try (InputStream in = WebServer.class.getResourceAsStream(r)) {
                return in == null ? new byte[0] : in.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        if (bytes.length == 0) {
            send(response, callback, Router.problem(404, "not-found", "no resource " + resource + " in this build"));
            return;
        }
        if (strict) {
            response.getHeaders().put("Content-Security-Policy", CSP);
            response.getHeaders().put("X-Frame-Options", "DENY");
        }
        String ext = resource.substring(resource.lastIndexOf('.') + 1);
        write(response, callback, 200, TYPES.getOrDefault(ext, "application/octet-stream"), bytes);
    }

    private static void send(Response response, Callback callback, Router.Answer a) {
        write(response, callback, a.status(), a.contentType(), a.body().getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
