package dev.wedge.routing.load;

import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.plan.Plan;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.plan.Visit;
import dev.wedge.routing.plan.VisitKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns routes into load plans. Each delivery stop (goods loaded at the dock) brings {@code pallets} pallets (the demand in the pallet
 * dimension, at least one) sharing the weight in the weight dimension. Goods go on in reverse stop order and fill
 * the floor from the front wall, row by row, so they come off in stop order at the doors. Dock doors are given
 * out in departure order: a door is taken for {@code loadingMinutes} before departure and the first free door wins.
 */
public final class LoadPlanner {
    private final TrailerSpec trailer;
    private final List<String> doors;
    private final double loadingTime;
    private final int weightDimension;
    private final int palletDimension;

    public LoadPlanner(TrailerSpec trailer, List<String> doors, double loadingTime, int weightDimension, int palletDimension) {
        this.trailer = Objects.requireNonNull(trailer, "trailer");
        this.doors = List.copyOf(doors);
        if (this.doors.isEmpty()) {
            throw new IllegalArgumentException("A load planner needs at least one dock door");
        }
        if (loadingTime < 0 || weightDimension < 0 || palletDimension < 0) {
            throw new IllegalArgumentException("Loading time and dimensions must not be negative");
        }
        this.loadingTime = loadingTime;
        this.weightDimension = weightDimension;
        this.palletDimension = palletDimension;
    }

    public List<LoadPlan> plan(Problem problem, Plan plan) {
        Map<String, Stop> stops = new HashMap<>();
        problem.allStops().forEach(s -> stops.put(s.id(), s));
        List<Route> byDeparture = plan.routes().stream().sorted(Comparator.comparingDouble(Route::departure)).toList();
        Map<String, Double> doorFreeAt = new HashMap<>();
        doors.forEach(d -> doorFreeAt.put(d, Double.NEGATIVE_INFINITY));
        List<LoadPlan> out = new ArrayList<>();
        for (Route route : byDeparture) {
            double start = route.departure() - loadingTime;
            String door = doors.stream().filter(d -> doorFreeAt.get(d) <= start).findFirst()
                    .orElseGet(() -> doors.stream().min(Comparator.comparingDouble(doorFreeAt::get)).orElseThrow());
            List<String> problems = new ArrayList<>();
            double loadingStart = Math.max(start, doorFreeAt.get(door));
            if (loadingStart > start) {
                problems.add("No dock door is free " + loadingTime + " before departure; door " + door
                        + " frees up at " + loadingStart);
            }
            doorFreeAt.put(door, route.departure());
            out.add(load(route, stops, door, loadingStart, problems));
        }
        return out;
    }

    private LoadPlan load(Route route, Map<String, Stop> stops, String door, double loadingStart, List<String> problems) {
        // Only deliveries leave the dock on the truck; goods of pickup-delivery pairs join it on the way.
        List<Visit> deliveries = route.visits().stream().filter(v -> v.kind() == VisitKind.DELIVERY).toList();
        List<String> sequence = new ArrayList<>();
        List<PalletSlot> slots = new ArrayList<>();
        int slot = 0;
        for (int i = deliveries.size() - 1; i >= 0; i--) {
            Stop stop = stops.get(deliveries.get(i).stopId());
            sequence.add(stop.id());
            int pallets = Math.max(1, stop.demand().get(palletDimension));
            double each = stop.demand().get(weightDimension) / (double) pallets;
            for (int p = 0; p < pallets; p++) {
                if (slot >= trailer.places()) {
                    problems.add("Stop " + stop.id() + " has pallets beyond the " + trailer.places()
                            + " places of trailer " + trailer.id());
                    break;
                }
                slots.add(new PalletSlot(slot / trailer.perRow() + 1, slot % trailer.perRow() + 1, stop.id(), each, slot + 1));
                slot++;
            }
        }
        AxleLoads axles = axles(slots);
        if (!axles.withinLimits()) {
            problems.add(String.format(java.util.Locale.ROOT, "Axle loads front %.0f kg / rear %.0f kg exceed limits %.0f / %.0f",
                    axles.front(), axles.rear(), axles.maxFront(), axles.maxRear()));
        }
        return new LoadPlan(route.vehicleId(), route.trip(), door, loadingStart, route.departure(), sequence, slots,
                axles, problems);
    }

    // Moments about the front support: a pallet at distance x carries x / wheelbase of its weight on the rear axles.
    AxleLoads axles(List<PalletSlot> slots) {
        double rear = trailer.rearTare();
        double front = trailer.frontTare();
        for (PalletSlot s : slots) {
            double x = (s.row() - 0.5) * trailer.rowLength();
            double onRear = s.weight() * x / trailer.wheelbase();
            rear += onRear;
            front += s.weight() - onRear;
        }
        return new AxleLoads(front, rear, trailer.maxFront(), trailer.maxRear());
    }
}
