package dev.wedge.routing.load;

import dev.wedge.routing.model.Depot;
import dev.wedge.routing.model.Place;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.plan.Plan;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.plan.Visit;
import dev.wedge.routing.plan.VisitKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a plan as a standalone SVG map: one coloured polyline per route from the depot through its stops and back,
 * stops as labelled dots, depots as squares, unassigned stops as red crosses. Coordinates are scaled to fit; y
 * grows upwards as on a map.
 */
public final class SvgMapWriter {
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int SIZE = 800;
    private static final int MARGIN = 30;

    public String write(Problem problem, Plan plan) {
        Map<String, Place> places = new HashMap<>();
        problem.allStops().forEach(s -> places.put(s.id(), s.place()));
        List<Place> all = new ArrayList<>(places.values());
        problem.depots().forEach(d -> all.add(d.place()));
        Frame f = Frame.of(all);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n",
                SIZE, SIZE, SIZE, SIZE));
        sb.append("<title>").append(escape(problem.name())).append("</title>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (int i = 0; i < plan.routes().size(); i++) {
            Route r = plan.routes().get(i);
            Place depot = problem.depot(problem.vehicle(r.vehicleId()).depotId()).place();
            StringBuilder points = new StringBuilder(f.point(depot));
            for (Visit v : r.visits()) {
                if (v.kind() != VisitKind.BREAK) {
                    points.append(' ').append(f.point(places.get(v.stopId())));
                }
            }
            points.append(' ').append(f.point(depot));
            sb.append(String.format(Locale.ROOT, "<polyline class=\"route\" data-vehicle=\"%s\" points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    escape(r.vehicleId() + "#" + r.trip()), points, COLOURS[i % COLOURS.length]));
        }
        for (Stop s : problem.allStops().toList()) {
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"black\"/>%n", f.x(s.place()), f.y(s.place())));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\">%s</text>%n",
                    f.x(s.place()) + 4, f.y(s.place()) - 4, escape(s.id())));
        }
        plan.unassigned().forEach(u -> {
            Place p = places.get(u.jobId());
            if (p != null) {
                sb.append(String.format(Locale.ROOT, "<text class=\"unassigned\" x=\"%.1f\" y=\"%.1f\" fill=\"red\" font-size=\"14\">x</text>%n",
                        f.x(p) - 4, f.y(p) + 5));
            }
        });
        for (Depot d : problem.depots()) {
            sb.append(String.format(Locale.ROOT, "<rect class=\"depot\" x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"black\"/>%n",
                    f.x(d.place()) - 5, f.y(d.place()) - 5));
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private record Frame(double minX, double minY, double scale) {
        static Frame of(List<Place> places) {
            double minX = places.stream().mapToDouble(Place::x).min().orElse(0);
            double maxX = places.stream().mapToDouble(Place::x).max().orElse(1);
            double minY = places.stream().mapToDouble(Place::y).min().orElse(0);
            double maxY = places.stream().mapToDouble(Place::y).max().orElse(1);
            double span = Math.max(maxX - minX, maxY - minY);
            return new Frame(minX, minY, (SIZE - 2 * MARGIN) / (span > 0 ? span : 1));
        }

        double x(Place p) {
            return MARGIN + (p.x() - minX) * scale;
        }

        double y(Place p) {
            return SIZE - MARGIN - (p.y() - minY) * scale;
        }

        String point(Place p) {
            return String.format(Locale.ROOT, "%.1f,%.1f", x(p), y(p));
        }
    }
}
