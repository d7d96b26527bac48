package dev.wedge.edge.dispatch.plan;

import dev.wedge.edge.dispatch.model.DeliveryOrder;
import dev.wedge.edge.dispatch.model.GeoPoint;
import dev.wedge.routing.model.Amount;
import dev.wedge.routing.model.Depot;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.model.TimeWindow;
import dev.wedge.routing.model.Vehicle;
import dev.wedge.routing.model.VehicleType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The routing problem for a day's delivery orders, in seconds after {@code origin}: one depot, the given trucks
 * (each carrying up to {@code packagesPerTruck} packages) from {@code origin} to {@code end}, one stop per order
 * with its window and service time. Its plan goes to {@link PlanImporter} with the same origin.
 */
public final class DayProblem {
    private DayProblem() {
    }

    public static Problem of(String name, Instant origin, Instant end, GeoPoint depot, List<String> trucks,
                             int packagesPerTruck, List<DeliveryOrder> orders) {
        double shift = seconds(origin, end);
        Depot d = new Depot("depot", depot.toPlace("depot"), new TimeWindow(0, shift));
        VehicleType type = new VehicleType("truck", Amount.of(packagesPerTruck), 0, 1, 0);
        List<Vehicle> vehicles = trucks.stream()
                .map(t -> Vehicle.simple(t, type, "depot", new TimeWindow(0, shift))).toList();
        List<Stop> stops = orders.stream().map(o -> Stop.delivery(o.stopId(), o.point().toPlace(o.stopId()),
                Amount.of(Math.max(1, o.ssccs().size())), o.serviceSeconds(),
                new TimeWindow(Math.max(0, seconds(origin, o.windowStart())),
                        Math.max(0, seconds(origin, o.windowEnd()))))).toList();
        return Problem.of(name, List.of(d), vehicles, stops);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
