package dev.wedge.routing.check;

import dev.wedge.routing.cost.TravelCosts;
import dev.wedge.routing.model.DriverBreak;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Vehicle;
import dev.wedge.routing.plan.Plan;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.plan.UnassignedJob;
import dev.wedge.routing.plan.Visit;
import dev.wedge.routing.plan.VisitKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies a plan against its problem without any solver code: every job served exactly once or reported
 * unassigned, capacities, time windows, shifts, skills, pins, pickup-before-delivery on one vehicle, breaks,
 * trips of one vehicle in sequence, and the reported distances. An empty list means the plan is valid.
 */
public final class PlanChecker {
    private static final double EPS = 1e-6;

    private final Problem problem;
    private final RouteReplay replay;

    public PlanChecker(Problem problem, TravelCosts costs) {
        this.problem = problem;
        this.replay = new RouteReplay(problem, costs);
    }

    public List<Violation> check(Plan plan) {
        List<Violation> out = new ArrayList<>();
        Map<String, Vehicle> vehicles = problem.vehicles().stream().collect(Collectors.toMap(Vehicle::id, v -> v));
        Map<String, List<Route>> byVehicle = plan.routes().stream().collect(Collectors.groupingBy(Route::vehicleId));
        double total = 0;
        for (Map.Entry<String, List<Route>> e : byVehicle.entrySet()) {
            Vehicle vehicle = vehicles.get(e.getKey());
            if (vehicle == null) {
                out.add(new Violation(ViolationKind.UNKNOWN_VEHICLE, e.getKey(), "", "Vehicle " + e.getKey() + " is not in the problem"));
                continue;
            }
            total += checkVehicle(out, vehicle, e.getValue());
        }
        checkJobs(out, plan);
        double rounded = Math.round(total * 100) / 100.0;
        if (Math.abs(rounded - plan.distance()) > 0.011) {
            out.add(new Violation(ViolationKind.DISTANCE, "", "", "The plan reports distance " + plan.distance()
                    + " but its routes add up to " + rounded));
        }
        return out;
    }

    private double checkVehicle(List<Violation> out, Vehicle vehicle, List<Route> routes) {
        List<Route> trips = routes.stream().sorted(Comparator.comparingInt(Route::trip)).toList();
        if (trips.size() > vehicle.maxTrips()) {
            out.add(new Violation(ViolationKind.TRIP_OVERLAP, vehicle.id(), "", "Vehicle " + vehicle.id() + " makes "
                    + trips.size() + " trips, at most " + vehicle.maxTrips() + " allowed"));
        }
        double distance = 0;
        double lastReturn = Double.NEGATIVE_INFINITY;
        Set<String> breaksTaken = new HashSet<>();
        for (Route route : trips) {
            if (route.departure() < lastReturn + vehicle.reloadTime() - EPS) {
                out.add(new Violation(ViolationKind.TRIP_OVERLAP, vehicle.id(), "", "Trip " + route.trip() + " of "
                        + vehicle.id() + " leaves at " + route.departure() + ", before the previous trip is back and reloaded"));
            }
            RouteReplay.Outcome outcome = replay.replay(vehicle, route.departure(), route.visits());
            out.addAll(outcome.violations());
            if (Math.abs(outcome.distance() - route.distance()) > 1e-6 * Math.max(1, route.distance())) {
                out.add(new Violation(ViolationKind.DISTANCE, vehicle.id(), "", "Trip " + route.trip() + " of "
                        + vehicle.id() + " reports distance " + route.distance() + ", replayed " + outcome.distance()));
            }
            distance += outcome.distance();
            lastReturn = outcome.returnTime();
            breaksTaken.addAll(outcome.breaksTaken());
        }
        for (DriverBreak b : vehicle.breaks()) {
            if (!breaksTaken.contains(b.id()) && lastReturn > b.window().end() + EPS) {
                out.add(new Violation(ViolationKind.BREAK, vehicle.id(), b.id(), "Vehicle " + vehicle.id()
                        + " is out until " + lastReturn + " but never takes break " + b.id() + " " + b.window()));
            }
        }
        return distance;
    }

    private void checkJobs(List<Violation> out, Plan plan) {
        Set<String> expected = problem.jobIds();
        Map<String, Integer> seen = new HashMap<>();
        Set<String> picked = new HashSet<>();
        Set<String> delivered = new HashSet<>();
        for (Route route : plan.routes()) {
            for (Visit v : route.visits()) {
                if (v.kind() == VisitKind.BREAK) {
                    continue;
                }
                if (v.kind() == VisitKind.PAIR_DELIVERY) {
                    delivered.add(v.jobId());
                    continue;
                }
                if (v.kind() == VisitKind.PAIR_PICKUP) {
                    picked.add(v.jobId());
                }
                seen.merge(v.jobId(), 1, Integer::sum);
            }
        }
        picked.stream().filter(id -> !delivered.contains(id)).sorted().forEach(id -> out.add(new Violation(
                ViolationKind.PRECEDENCE, "", id, "Pair " + id + " is picked up but never delivered")));
        delivered.stream().filter(id -> !picked.contains(id)).sorted().forEach(id -> out.add(new Violation(
                ViolationKind.PRECEDENCE, "", id, "Pair " + id + " is delivered but never picked up")));
        for (UnassignedJob u : plan.unassigned()) {
            seen.merge(u.jobId(), 1, Integer::sum);
        }
        seen.forEach((id, count) -> {
            if (!expected.contains(id)) {
                out.add(new Violation(ViolationKind.UNKNOWN_JOB, "", id, "Job " + id + " is not in the problem"));
            } else if (count > 1) {
                out.add(new Violation(ViolationKind.DUPLICATE_JOB, "", id, "Job " + id + " appears " + count + " times"));
            }
        });
        expected.stream().filter(id -> !seen.containsKey(id)).sorted().forEach(id ->
                out.add(new Violation(ViolationKind.MISSING_JOB, "", id, "Job " + id + " is neither routed nor reported unassigned")));
    }
}
