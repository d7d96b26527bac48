package dev.wedge.edge.dispatch.report;

import dev.wedge.edge.dispatch.model.GeoPoint;
import dev.wedge.edge.dispatch.store.JdbcRouteStore;
import dev.wedge.edge.dispatch.store.RouteRow;
import dev.wedge.edge.dispatch.store.StopRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * An SVG map of the day without any map service: each route's plan as a line from its depot through its stops
 * in order, stops coloured by status, and a truck marker at each route's last reported position. Longitude is
 * scaled by the cosine of the mean latitude so distances look right.
 */
public final class PlanMap {
    private static final int SIZE = 800;
    private static final int MARGIN = 30;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf"};

    private final JdbcRouteStore routes = new JdbcRouteStore();

    public String svg(Connection c) throws SQLException {
        List<RouteRow> all = routes.routes(c);
        List<List<StopRow>> stops = new ArrayList<>();
        List<GeoPoint> points = new ArrayList<>();
        for (RouteRow r : all) {
            List<StopRow> s = routes.stops(c, r.routeId());
            stops.add(s);
            points.add(r.depot());
            r.lastPosition().ifPresent(points::add);
            s.forEach(st -> points.add(st.point()));
        }
        Projection p = Projection.fit(points);
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + SIZE + " "
                + SIZE + "\" width=\"" + SIZE + "\" height=\"" + SIZE + "\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#f7f7f2\"/>");
        for (int i = 0; i < all.size(); i++) {
            route(svg, p, all.get(i), stops.get(i), COLOURS[i % COLOURS.length]);
        }
        return svg.append("</svg>").toString();
    }

    private static void route(StringBuilder svg, Projection p, RouteRow r, List<StopRow> stops, String colour) {
        svg.append("<g class=\"route\" data-route=\"").append(esc(r.routeId())).append("\">");
        StringBuilder line = new StringBuilder(p.xy(r.depot()));
        stops.forEach(s -> line.append(' ').append(p.xy(s.point())));
        line.append(' ').append(p.xy(r.depot()));
        svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
                .append(line).append("\"/>");
        svg.append("<rect class=\"depot\" x=\"").append(p.x(r.depot()) - 6).append("\" y=\"").append(p.y(r.depot()) - 6)
                .append("\" width=\"12\" height=\"12\" fill=\"#333\"/>");
        for (StopRow s : stops) {
            String fill = switch (s.status()) {
                case DELIVERED -> "#2ca02c";
                case FAILED -> "#d62728";
                case ARRIVED -> "#ff7f0e";
                case PENDING -> "#fff";
            };
            svg.append("<circle class=\"stop\" data-stop=\"").append(esc(s.stopId())).append("\" cx=\"")
                    .append(p.x(s.point())).append("\" cy=\"").append(p.y(s.point())).append("\" r=\"7\" fill=\"")
                    .append(fill).append("\" stroke=\"").append(colour).append("\" stroke-width=\"2\"><title>")
                    .append(esc(s.stopId() + " " + s.status() + s.eta().map(e -> " ETA " + e).orElse("")))
                    .append("</title></circle>");
            svg.append("<text x=\"").append(p.x(s.point()) + 9).append("\" y=\"").append(p.y(s.point()) + 4)
                    .append("\">").append(esc(s.seq() + ". " + s.stopId())).append("</text>");
        }
        r.lastPosition().ifPresent(pos -> svg.append("<g class=\"truck\" data-route=\"").append(esc(r.routeId()))
                .append("\"><polygon points=\"").append(p.x(pos)).append(',').append(p.y(pos) - 10).append(' ')
                .append(p.x(pos) - 8).append(',').append(p.y(pos) + 6).append(' ').append(p.x(pos) + 8).append(',')
                .append(p.y(pos) + 6).append("\" fill=\"").append(colour).append("\"/><text x=\"")
                .append(p.x(pos) + 10).append("\" y=\"").append(p.y(pos) - 8).append("\">")
                .append(esc(r.driverId().orElse(r.vehicleId()))).append("</text></g>"));
        svg.append("</g>");
    }

    /** {@code s} escaped for HTML and XML text and attributes. */
    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Maps degrees into the square, keeping the aspect ratio. */
    private record Projection(double minLon, double maxLat, double scaleX, double scaleY) {
        static Projection fit(List<GeoPoint> points) {
            if (points.isEmpty()) {
                return new Projection(0, 0, 1, 1);
            }
            double minLat = points.stream().mapToDouble(GeoPoint::lat).min().orElseThrow();
            double maxLat = points.stream().mapToDouble(GeoPoint::lat).max().orElseThrow();
            double minLon = points.stream().mapToDouble(GeoPoint::lon).min().orElseThrow();
            double maxLon = points.stream().mapToDouble(GeoPoint::lon).max().orElseThrow();
            double shrink = Math.cos(Math.toRadians((minLat + maxLat) / 2));
            double span = Math.max(Math.max((maxLon - minLon) * shrink, maxLat - minLat), 1e-6);
            double scale = (SIZE - 2 * MARGIN) / span;
            return new Projection(minLon, maxLat, scale * shrink, scale);
        }

        long x(GeoPoint g) {
            return Math.round(MARGIN + (g.lon() - minLon) * scaleX);
        }

        long y(GeoPoint g) {
            return Math.round(MARGIN + (maxLat - g.lat()) * scaleY);
        }

        String xy(GeoPoint g) {
            return x(g) + "," + y(g);
        }
    }
}
