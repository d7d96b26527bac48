package dev.wedge.edge.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.app.FloorServices;
import dev.wedge.edge.auth.Sessions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles the edge node's web server: every API route (session, floor, dock, supervisor), the OpenAPI
 * document at {@code /api/openapi.json}, and the pages.
 */
public final class HandheldWeb {

    /** Produces the node status document served at {@code /api/status}. */
    @FunctionalInterface
    public interface StatusSource {
        ObjectNode status() throws Exception;
    }

    private HandheldWeb() {
    }

    /** Builds (does not start) the server. */
    public static WebServer create(String host, int port, FloorServices floor, Sessions sessions, HandheldScans scans,
                                   StatusSource status, List<String> printerIds, Clock clock) {
        FloorQueries queries = new FloorQueries(floor.tx().dataSource(), clock);
        List<Route> routes = new ArrayList<>();
        routes.addAll(new SessionApi(floor.users(), sessions).routes());
        routes.addAll(new FloorApi(floor, scans, queries).routes());
        routes.addAll(new DockApi(floor, scans).routes());
        routes.addAll(new SupervisorApi(floor, queries, status::status, printerIds, sessions).routes());
        ObjectNode[] doc = new ObjectNode[1];
        routes.add(Routes.get("/api/openapi.json", Routes.PUBLIC, "meta", "This document", r -> doc[0]));
        doc[0] = OpenApiDocument.build(routes);
        return new WebServer(host, port, routes, sessions);
    }
}
