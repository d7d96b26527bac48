package dev.wedge.edge.dispatch.plan;

import static dev.wedge.edge.dispatch.store.JdbcRouteStore.update;

import dev.wedge.edge.dispatch.model.RouteStatus;
import dev.wedge.edge.dispatch.model.StopStatus;
import dev.wedge.edge.dispatch.store.JdbcRouteStore;
import dev.wedge.edge.dispatch.store.RouteRow;
import dev.wedge.edge.dispatch.store.StopRow;
import dev.wedge.routing.model.Amount;
import dev.wedge.routing.model.Depot;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.model.StopKind;
import dev.wedge.routing.model.TimeWindow;
import dev.wedge.routing.model.Vehicle;
import dev.wedge.routing.model.VehicleType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The routing problem for the rest of the day, in seconds after {@code now}: one vehicle per unfinished route
 * (vehicle id = route id) starting at the truck's position, one job per pending stop. A window that has already
 * closed is opened up, since the stop is late anyway and must still be driven to.
 */
final class ReplanProblem {
    private static final VehicleType TRUCK = new VehicleType("truck", Amount.of(100_000), 0, 1, 0);
    private static final Duration OPEN_END = Duration.ofHours(8);

    private final Problem problem;
    private final Map<String, List<StopRow>> keptByRoute;
    private final Map<String, String> routeByStop;

    private ReplanProblem(Problem problem, Map<String, List<StopRow>> keptByRoute, Map<String, String> routeByStop) {
        this.problem = problem;
        this.keptByRoute = keptByRoute;
        this.routeByStop = routeByStop;
    }

    static ReplanProblem build(List<RouteRow> open, Connection tx, JdbcRouteStore routes, Instant now)
            throws SQLException {
        List<Depot> depots = new ArrayList<>();
        List<Vehicle> vehicles = new ArrayList<>();
        Map<String, String> routeOfDriver = new HashMap<>();
        for (RouteRow r : open) {
            Instant end = r.driverId().isPresent()
                    ? routes.driver(tx, r.driverId().get()).orElseThrow().shiftEnd() : r.plannedEnd().plus(OPEN_END);
            double endSeconds = Math.max(1, seconds(now, end));
            depots.add(new Depot("D-" + r.routeId(), r.position().toPlace("D-" + r.routeId()),
                    new TimeWindow(0, endSeconds)));
            vehicles.add(Vehicle.simple(r.routeId(), TRUCK, "D-" + r.routeId(), new TimeWindow(0, endSeconds)));
            r.driverId().ifPresent(d -> {
                if (r.status() == RouteStatus.STARTED || !routeOfDriver.containsKey(d)) {
                    routeOfDriver.put(d, r.routeId());
                }
            });
        }
        List<Stop> stops = new ArrayList<>();
        Map<String, List<StopRow>> kept = new HashMap<>();
        Map<String, String> routeByStop = new HashMap<>();
        for (RouteRow r : open) {
            kept.put(r.routeId(), new ArrayList<>());
            for (StopRow s : routes.stops(tx, r.routeId())) {
                if (s.status() != StopStatus.PENDING) {
                    kept.get(r.routeId()).add(s);
                    continue;
                }
                routeByStop.put(s.stopId(), r.routeId());
                Optional<String> pin = r.status() == RouteStatus.STARTED ? Optional.of(r.routeId())
                        : s.pinnedDriver().map(routeOfDriver::get);
                stops.add(new Stop(s.stopId(), StopKind.DELIVERY, s.point().toPlace(s.stopId()), Amount.of(1),
                        s.serviceSeconds(), List.of(window(now, s)), 2, Set.of(), pin));
            }
        }
        return new ReplanProblem(Problem.of("replan-" + now, depots, vehicles, stops), kept, routeByStop);
    }

    Problem problem() {
        return problem;
    }

    /** Number of stops at the head of the route that are not re-planned (done or being served). */
    int keptCount(String routeId) {
        return keptByRoute.getOrDefault(routeId, List.of()).size();
    }

    Optional<String> routeOf(String stopId) {
        return Optional.ofNullable(routeByStop.get(stopId));
    }

    /** Numbers the kept stops 1..k in their existing order, ahead of the re-planned ones. */
    void renumberKept(Connection tx) throws SQLException {
        for (List<StopRow> kept : keptByRoute.values()) {
            int seq = 1;
            for (StopRow s : kept) {
                update(tx, "UPDATE dispatch_stop SET seq = ? WHERE stop_id = ?", seq++, s.stopId());
            }
        }
    }

    private static TimeWindow window(Instant now, StopRow s) {
        double end = seconds(now, s.windowEnd());
        if (end <= 0) {
            return TimeWindow.always();
        }
        return new TimeWindow(Math.max(0, seconds(now, s.windowStart())), end);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
