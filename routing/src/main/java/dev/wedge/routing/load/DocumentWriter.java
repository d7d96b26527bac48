package dev.wedge.routing.load;

import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.model.TimeWindow;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.plan.Visit;
import dev.wedge.routing.plan.VisitKind;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Printable plain-text documents for the dock and the driver: the load manifest (door, departure, loading
 * sequence, floor diagram seen from above with the front wall at the top, axle check) and the route sheet (stops
 * in driving order with arrival, service start, window and what to unload). Times are printed as hh:mm when the
 * problem's unit is seconds ({@code clockSeconds}), else as plain numbers.
 */
public final class DocumentWriter {
    private final Problem problem;
    private final boolean clockSeconds;
    private final Map<String, Stop> stops = new HashMap<>();

    public DocumentWriter(Problem problem, boolean clockSeconds) {
        this.problem = problem;
        this.clockSeconds = clockSeconds;
        problem.allStops().forEach(s -> stops.put(s.id(), s));
    }

    public String manifest(LoadPlan load) {
        StringBuilder sb = new StringBuilder();
        sb.append("LOAD MANIFEST  ").append(problem.name()).append('\n');
        sb.append("Vehicle ").append(load.vehicleId()).append("  trip ").append(load.trip())
                .append("  dock door ").append(load.dockDoor()).append('\n');
        sb.append("Loading from ").append(time(load.loadingStart())).append("  departure ").append(time(load.departure())).append('\n');
        sb.append("\nLoading sequence (first on = last off):\n");
        for (int i = 0; i < load.loadingSequence().size(); i++) {
            String id = load.loadingSequence().get(i);
            long pallets = load.slots().stream().filter(s -> s.stopId().equals(id)).count();
            sb.append(String.format(Locale.ROOT, "%3d. stop %-10s %d pallet(s)%n", i + 1, id, pallets));
        }
        sb.append("\nFloor (front wall at top, doors at bottom):\n");
        int rows = load.slots().stream().mapToInt(PalletSlot::row).max().orElse(0);
        int across = load.slots().stream().mapToInt(PalletSlot::position).max().orElse(0);
        for (int r = 1; r <= rows; r++) {
            sb.append(String.format(Locale.ROOT, "row %2d |", r));
            for (int p = 1; p <= across; p++) {
                int row = r;
                int pos = p;
                String cell = load.slots().stream().filter(s -> s.row() == row && s.position() == pos)
                        .map(PalletSlot::stopId).findFirst().orElse("");
                sb.append(String.format(Locale.ROOT, " %-8s|", cell));
            }
            sb.append('\n');
        }
        AxleLoads a = load.axles();
        sb.append(String.format(Locale.ROOT, "%nAxles: front %.0f / %.0f kg, rear %.0f / %.0f kg  %s%n", a.front(),
                a.maxFront(), a.rear(), a.maxRear(), a.withinLimits() ? "OK" : "OVER LIMIT"));
        load.problems().forEach(p -> sb.append("PROBLEM: ").append(p).append('\n'));
        return sb.toString();
    }

    public String routeSheet(Route route) {
        StringBuilder sb = new StringBuilder();
        sb.append("ROUTE SHEET  ").append(problem.name()).append('\n');
        sb.append("Vehicle ").append(route.vehicleId()).append("  trip ").append(route.trip())
                .append("  leave ").append(time(route.departure())).append("  back ").append(time(route.returnTime()))
                .append(String.format(Locale.ROOT, "  distance %.2f%n%n", route.distance()));
        sb.append(String.format(Locale.ROOT, "%-4s %-10s %-8s %-8s %-19s %s%n", "#", "stop", "arrive", "start", "window", "unload"));
        int n = 1;
        for (Visit v : route.visits()) {
            if (v.kind() == VisitKind.BREAK) {
                sb.append(String.format(Locale.ROOT, "%-4s %-10s %-8s %-8s break until %s%n", "-", v.stopId(),
                        time(v.arrival()), time(v.start()), time(v.end())));
                continue;
            }
            Stop s = stops.get(v.stopId());
            String windows = s.windows().stream().map(this::window).collect(Collectors.joining(" "));
            String what = v.kind() == VisitKind.DELIVERY || v.kind() == VisitKind.PAIR_DELIVERY ? s.demand().toString()
                    : "collect " + s.demand();
            sb.append(String.format(Locale.ROOT, "%-4d %-10s %-8s %-8s %-19s %s%n", n++, s.id(), time(v.arrival()),
                    time(v.start()), windows, what));
        }
        return sb.toString();
    }

    /** All route sheets of a plan, one after another, separated by a form feed for printing. */
    public String routeSheets(List<Route> routes) {
        return routes.stream().map(this::routeSheet).collect(Collectors.joining("\f\n"));
    }

    private String window(TimeWindow w) {
        return "[" + time(w.start()) + "-" + (w.end() >= Double.MAX_VALUE / 2 ? "" : time(w.end())) + "]";
    }

    private String time(double t) {
        if (!clockSeconds) {
            return String.format(Locale.ROOT, "%.1f", t);
        }
        long minutes = Math.round(t / 60);
        return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }
}
