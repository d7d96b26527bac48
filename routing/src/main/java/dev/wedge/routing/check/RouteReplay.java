package dev.wedge.routing.check;

import dev.wedge.routing.cost.TravelCosts;
import dev.wedge.routing.model.Amount;
import dev.wedge.routing.model.Depot;
import dev.wedge.routing.model.DriverBreak;
import dev.wedge.routing.model.Place;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.model.StopKind;
import dev.wedge.routing.model.TimeWindow;
import dev.wedge.routing.model.Vehicle;
import dev.wedge.routing.plan.Visit;
import dev.wedge.routing.plan.VisitKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Drives one route again from the problem data alone, serving every stop at the earliest moment its windows
 * allow, and records every rule it breaks. It trusts nothing the solver computed except the order of visits and
 * the departure time, so it checks any solver's output the same way.
 */
public final class RouteReplay {
    private static final double EPS = 1e-6;

    private final Problem problem;
    private final TravelCosts costs;
    private final StopIndex index;

    /** The outcome of one replay: violations, recomputed return time and distance, and breaks taken. */
    public record Outcome(List<Violation> violations, double returnTime, double distance, Set<String> breaksTaken,
                          List<Visit> timedVisits) {
        public Outcome {
            violations = List.copyOf(violations);
            breaksTaken = Set.copyOf(breaksTaken);
            timedVisits = List.copyOf(timedVisits);
        }

        public boolean feasible() {
            return violations.isEmpty();
        }
    }

    public RouteReplay(Problem problem, TravelCosts costs) {
        this.problem = problem;
        this.costs = costs;
        this.index = new StopIndex(problem);
    }

    /** Where the replay stands after the visits so far. */
    private static final class Walk {
        double time;
        double distance;
        Place at;
        Amount load;
        final Set<String> pickedPairs = new HashSet<>();
        final Set<String> breaks = new HashSet<>();
        final List<Visit> timed = new ArrayList<>();
    }

    /** Replays the visits of {@code vehicle} leaving its depot at {@code departure}. */
    public Outcome replay(Vehicle vehicle, double departure, List<Visit> visits) {
        List<Violation> out = new ArrayList<>();
        Depot depot = problem.depot(vehicle.depotId());
        String vid = vehicle.id();
        if (departure < vehicle.shift().start() - EPS || departure < depot.opening().start() - EPS) {
            out.add(new Violation(ViolationKind.SHIFT, vid, "", "Vehicle " + vid + " leaves at " + departure
                    + ", before its shift or depot opens"));
        }
        Walk walk = new Walk();
        walk.time = departure;
        walk.at = depot.place();
        walk.load = initialLoad(visits);
        checkLoad(out, vid, "", walk.load, vehicle.type().capacity(), "leaving the depot");
        for (Visit visit : visits) {
            if (visit.kind() == VisitKind.BREAK) {
                double before = walk.time;
                walk.time = takeBreak(out, vehicle, visit, before);
                walk.timed.add(new Visit(visit.stopId(), visit.jobId(), visit.kind(), before,
                        breakStart(vehicle, visit, before), walk.time));
                walk.breaks.add(visit.stopId());
            } else {
                serve(out, vehicle, visit, walk);
            }
        }
        walk.distance += costs.distance(walk.at, depot.place());
        double back = walk.time + costs.time(walk.at, depot.place());
        if (back > vehicle.shift().end() + EPS || back > depot.opening().end() + EPS) {
            out.add(new Violation(ViolationKind.SHIFT, vid, "", "Vehicle " + vid + " is back at " + round(back)
                    + ", after its shift end " + vehicle.shift().end() + " or depot closing " + depot.opening().end()));
        }
        return new Outcome(out, back, walk.distance, walk.breaks, walk.timed);
    }

    private void serve(List<Violation> out, Vehicle vehicle, Visit visit, Walk walk) {
        String vid = vehicle.id();
        Optional<Stop> found = index.stop(visit.stopId());
        if (found.isEmpty()) {
            out.add(new Violation(ViolationKind.UNKNOWN_JOB, vid, visit.jobId(), "Stop " + visit.stopId() + " is not in the problem"));
            return;
        }
        Stop stop = found.get();
        walk.distance += costs.distance(walk.at, stop.place());
        double arrival = walk.time + costs.time(walk.at, stop.place());
        double start = earliestStart(stop.windows(), arrival);
        if (Double.isNaN(start)) {
            out.add(new Violation(ViolationKind.TIME_WINDOW, vid, visit.jobId(), "Stop " + stop.id() + " is reached at "
                    + round(arrival) + ", after all its time windows " + stop.windows()));
            start = arrival;
        }
        walk.time = start + stop.serviceTime();
        walk.timed.add(new Visit(visit.stopId(), visit.jobId(), visit.kind(), arrival, start, walk.time));
        walk.at = stop.place();
        walk.load = applyVisit(out, vid, stop, walk.load, walk.pickedPairs);
        checkLoad(out, vid, visit.jobId(), walk.load, vehicle.type().capacity(), "after stop " + stop.id());
        checkVehicleFits(out, vehicle, visit, stop);
    }

    /** The earliest service start not before {@code arrival} inside one of the windows, or NaN if none. */
    static double earliestStart(List<TimeWindow> windows, double arrival) {
        double best = Double.NaN;
        for (TimeWindow w : windows) {
            if (arrival <= w.end() + EPS) {
                double s = Math.max(arrival, w.start());
                if (Double.isNaN(best) || s < best) {
                    best = s;
                }
            }
        }
        return best;
    }

    private static double breakStart(Vehicle vehicle, Visit visit, double t) {
        return vehicle.breaks().stream().filter(b -> b.id().equals(visit.stopId())).findFirst()
                .map(b -> Math.max(t, b.window().start())).orElse(t);
    }

    private double takeBreak(List<Violation> out, Vehicle vehicle, Visit visit, double t) {
        Optional<DriverBreak> found = vehicle.breaks().stream().filter(b -> b.id().equals(visit.stopId())).findFirst();
        if (found.isEmpty()) {
            out.add(new Violation(ViolationKind.BREAK, vehicle.id(), visit.stopId(), "Break " + visit.stopId()
                    + " does not belong to vehicle " + vehicle.id()));
            return t;
        }
        DriverBreak b = found.get();
        double start = Math.max(t, b.window().start());
        if (start > b.window().end() + EPS) {
            out.add(new Violation(ViolationKind.BREAK, vehicle.id(), b.id(), "Break " + b.id() + " starts at "
                    + round(start) + ", after its window " + b.window()));
        }
        return start + b.duration();
    }

    private Amount initialLoad(List<Visit> visits) {
        Amount load = Amount.zero(problem.dimensions());
        for (Visit v : visits) {
            if (v.kind() == VisitKind.DELIVERY) {
                Optional<Stop> s = index.stop(v.stopId());
                if (s.isPresent()) {
                    load = load.plus(s.get().demand());
                }
            }
        }
        return load;
    }

    private Amount applyVisit(List<Violation> out, String vid, Stop stop, Amount load, Set<String> picked) {
        Optional<dev.wedge.routing.model.PickupDelivery> pair = index.pairOf(stop.id());
        if (pair.isPresent()) {
            Amount size = pair.get().pickup().demand();
            if (pair.get().pickup().id().equals(stop.id())) {
                picked.add(pair.get().id());
                return load.plus(size);
            }
            if (!picked.contains(pair.get().id())) {
                out.add(new Violation(ViolationKind.PRECEDENCE, vid, pair.get().id(), "Delivery " + stop.id()
                        + " comes before its pickup " + pair.get().pickup().id() + " on this route"));
            }
            return load.minus(size);
        }
        return stop.kind() == StopKind.DELIVERY ? load.minus(stop.demand()) : load.plus(stop.demand());
    }

    private static void checkLoad(List<Violation> out, String vid, String jobId, Amount load, Amount capacity, String where) {
        if (!load.fitsIn(capacity)) {
            out.add(new Violation(ViolationKind.CAPACITY, vid, jobId, "Vehicle " + vid + " carries " + load
                    + " " + where + ", over its capacity " + capacity));
        }
    }

    private static void checkVehicleFits(List<Violation> out, Vehicle vehicle, Visit visit, Stop stop) {
        if (!vehicle.skills().containsAll(stop.requiredSkills())) {
            out.add(new Violation(ViolationKind.SKILL, vehicle.id(), visit.jobId(), "Stop " + stop.id() + " needs skills "
                    + stop.requiredSkills() + ", vehicle " + vehicle.id() + " has " + vehicle.skills()));
        }
        if (stop.pinnedVehicle().isPresent() && !stop.pinnedVehicle().get().equals(vehicle.id())) {
            out.add(new Violation(ViolationKind.PIN, vehicle.id(), visit.jobId(), "Stop " + stop.id()
                    + " is pinned to " + stop.pinnedVehicle().get() + " but is on " + vehicle.id()));
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
