package dev.wedge.edge.dispatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wedge.edge.dispatch.DispatchTestAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handler mounted the way HQ mounts it: in a per-warehouse context, next to another handler. */
class MountedUnderPrefixTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private DispatchTestAccess day;
    private Server server;
    private URI base;

    @BeforeEach
    void serve() throws Exception {
        day = DispatchTestAccess.oneRouteStarted();
        server = new Server();
        ServerConnector c = new ServerConnector(server);
        c.setHost("127.0.0.1");
        c.setPort(0);
        server.addConnector(c);
        server.setHandler(new ContextHandler(day.handler("/warehouses/WH-T/"), "/warehouses/WH-T"));
        server.start();
        base = URI.create("http://127.0.0.1:" + c.getLocalPort() + "/warehouses/WH-T/");
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        day.close();
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDriverAppAndItsApiWorkUnderAContextPrefixThroughRelativeUrls() throws Exception {
        URI app = base.resolve("driver/");
        HttpResponse<String> page = get(app);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("src=\"driver.js\"");
        assertThat(get(app.resolve("driver.js")).body()).contains("const API = '../api/dispatch/'");
        // The app's own relative API base, resolved against the page as the browser does.
        DispatchClient driver = new DispatchClient(base).loggedIn("D1", DispatchTestAccess.PIN);
        assertThat(get(app.resolve("../api/dispatch/drivers/D1/day")).statusCode()).isEqualTo(401);
        HttpResponse<String> dayJson = driver.get("api/dispatch/drivers/D1/day");
        assertThat(dayJson.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(dayJson.body()).path("routes").get(0).path("stops")).hasSize(2);
        assertThat(get(URI.create(base.toString().replace("/warehouses/WH-T/", "/driver/"))).statusCode())
                .isEqualTo(404);
    }
}
