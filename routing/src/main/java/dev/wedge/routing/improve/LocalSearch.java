package dev.wedge.routing.improve;

import dev.wedge.routing.check.RouteReplay;
import dev.wedge.routing.cost.TravelCosts;
import dev.wedge.routing.model.Place;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.model.StopKind;
import dev.wedge.routing.model.Vehicle;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.plan.Visit;
import dev.wedge.routing.plan.VisitKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A final descent on distance over finished routes, independent of any solver: it moves a chain of one to three
 * stops to the best other place (in the same or another route), swaps two stops of different routes, and swaps
 * the tails of two routes (2-opt*), taking every move that shortens the total and keeps every route feasible,
 * until none is left. It never adds a vehicle (a route it empties is dropped). It applies to plans of single-trip
 * deliveries without breaks or pairs and with distance-only rates; for anything else it returns the routes as given.
 */
public final class LocalSearch {
    private static final double EPS = 1e-7;
    private static final int MAX_CHAIN = 3;

    private final Problem problem;
    private final TravelCosts costs;

    public LocalSearch(Problem problem, TravelCosts costs) {
        this.problem = problem;
        this.costs = costs;
    }

    /** Whether the search can handle this problem (see the class comment). */
    public boolean applies() {
        return problem.pairs().isEmpty()
                && problem.stops().stream().allMatch(s -> s.kind() == StopKind.DELIVERY)
                && problem.vehicles().stream().allMatch(v -> v.breaks().isEmpty() && v.maxTrips() == 1
                        && v.type().costPerTime() == 0);
    }

    /** Improved routes (re-timed by replay), or the given routes if the search does not apply. */
    public List<Route> improve(List<Route> routes, long deadlineNanos) {
        if (!applies() || routes.isEmpty() || routes.stream().anyMatch(r -> r.trip() != 1)) {
            return routes;
        }
        Search s = new Search(routes);
        s.run(deadlineNanos);
        return s.result();
    }

    private final class Search {
        private final List<Stop> stops = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();
        private final List<Vehicle> vehicles = new ArrayList<>();
        private final List<List<Integer>> tours = new ArrayList<>();
        private final List<Place> places = new ArrayList<>();
        private final double[][] dist;
        private final double[][] time;
        private final List<Integer> depotOf = new ArrayList<>();

        Search(List<Route> routes) {
            Map<String, Integer> placeIndex = new HashMap<>();
            problem.depots().forEach(d -> addPlace(placeIndex, d.place()));
            for (Stop s : problem.stops()) {
                index.put(s.id(), stops.size());
                stops.add(s);
                addPlace(placeIndex, s.place());
            }
            for (Route r : routes) {
                Vehicle v = problem.vehicle(r.vehicleId());
                vehicles.add(v);
                depotOf.add(placeIndex.get(problem.depot(v.depotId()).place().id()));
                List<Integer> tour = new ArrayList<>();
                r.visits().forEach(x -> tour.add(index.get(x.stopId())));
                tours.add(tour);
            }
            int n = places.size();
            dist = new double[n][n];
            time = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    dist[i][j] = costs.distance(places.get(i), places.get(j));
                    time[i][j] = costs.time(places.get(i), places.get(j));
                }
            }
            for (int k = 0; k < stops.size(); k++) {
                stopPlace.add(placeIndex.get(stops.get(k).place().id()));
            }
        }

        private final List<Integer> stopPlace = new ArrayList<>();

        private void addPlace(Map<String, Integer> placeIndex, Place p) {
            if (!placeIndex.containsKey(p.id())) {
                placeIndex.put(p.id(), places.size());
                places.add(p);
            }
        }

        void run(long deadline) {
            boolean improved = true;
            while (improved && System.nanoTime() < deadline) {
                improved = relocateChains() | swaps() | tailSwaps();
            }
        }

        List<Route> result() {
            RouteReplay replay = new RouteReplay(problem, costs);
            List<Route> out = new ArrayList<>();
            for (int r = 0; r < tours.size(); r++) {
                if (tours.get(r).isEmpty()) {
                    continue;
                }
                Vehicle v = vehicles.get(r);
                List<Visit> visits = new ArrayList<>();
                for (int k : tours.get(r)) {
                    visits.add(new Visit(stops.get(k).id(), stops.get(k).id(), VisitKind.DELIVERY, 0, 0, 0));
                }
                double departure = Math.max(v.shift().start(), problem.depot(v.depotId()).opening().start());
                RouteReplay.Outcome o = replay.replay(v, departure, visits);
                out.add(new Route(v.id(), 1, departure, o.timedVisits(), o.returnTime(), o.distance()));
            }
            return out;
        }

        private double length(int r, List<Integer> tour) {
            int depot = depotOf.get(r);
            int at = depot;
            double d = 0;
            for (int k : tour) {
                d += dist[at][stopPlace.get(k)];
                at = stopPlace.get(k);
            }
            return (d + dist[at][depot]) * vehicles.get(r).type().costPerDistance();
        }

        private boolean feasible(int r, List<Integer> tour) {
            Vehicle v = vehicles.get(r);
            int depot = depotOf.get(r);
            double t = Math.max(v.shift().start(), problem.depot(v.depotId()).opening().start());
            int[] load = new int[problem.dimensions()];
            int at = depot;
            for (int k : tour) {
                Stop s = stops.get(k);
                if (!v.skills().containsAll(s.requiredSkills())
                        || s.pinnedVehicle().isPresent() && !s.pinnedVehicle().get().equals(v.id())) {
                    return false;
                }
                for (int d = 0; d < load.length; d++) {
                    load[d] += s.demand().get(d);
                    if (load[d] > v.type().capacity().get(d)) {
                        return false;
                    }
                }
                double arrival = t + time[at][stopPlace.get(k)];
                double start = earliest(s, arrival);
                if (Double.isNaN(start)) {
                    return false;
                }
                t = start + s.serviceTime();
                at = stopPlace.get(k);
            }
            double back = t + time[at][depot];
            return back <= v.shift().end() + EPS && back <= problem.depot(v.depotId()).opening().end() + EPS;
        }

        private double earliest(Stop s, double arrival) {
            double best = Double.NaN;
            for (var w : s.windows()) {
                if (arrival <= w.end() + EPS) {
                    double start = Math.max(arrival, w.start());
                    if (Double.isNaN(best) || start < best) {
                        best = start;
                    }
                }
            }
            return best;
        }

        private boolean relocateChains() {
            boolean any = false;
            for (int a = 0; a < tours.size(); a++) {
                for (int p = 0; p < tours.get(a).size(); p++) {
                    for (int len = 1; len <= MAX_CHAIN && p + len <= tours.get(a).size(); len++) {
                        if (relocate(a, p, len)) {
                            any = true;
                            break;
                        }
                    }
                }
            }
            return any;
        }

        private boolean relocate(int a, int p, int len) {
            List<Integer> from = tours.get(a);
            List<Integer> chain = new ArrayList<>(from.subList(p, p + len));
            List<Integer> rest = new ArrayList<>(from);
            rest.subList(p, p + len).clear();
            double oldA = length(a, from);
            double newA = length(a, rest);
            for (int b = 0; b < tours.size(); b++) {
                List<Integer> base = b == a ? rest : tours.get(b);
                double oldB = b == a ? 0 : length(b, base);
                for (int q = 0; q <= base.size(); q++) {
                    if (b == a && q == p) {
                        continue;
                    }
                    List<Integer> cand = new ArrayList<>(base);
                    cand.addAll(q, chain);
                    double delta = b == a ? length(a, cand) - oldA : newA + length(b, cand) - oldA - oldB;
                    if (delta < -EPS && feasible(b, cand) && (b == a || feasible(a, rest))) {
                        if (b != a) {
                            tours.set(a, rest);
                        }
                        tours.set(b, cand);
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean swaps() {
            boolean any = false;
            for (int a = 0; a < tours.size(); a++) {
                for (int b = a + 1; b < tours.size(); b++) {
                    for (int p = 0; p < tours.get(a).size(); p++) {
                        for (int q = 0; q < tours.get(b).size(); q++) {
                            List<Integer> ta = new ArrayList<>(tours.get(a));
                            List<Integer> tb = new ArrayList<>(tours.get(b));
                            int x = ta.get(p);
                            ta.set(p, tb.get(q));
                            tb.set(q, x);
                            double delta = length(a, ta) + length(b, tb) - length(a, tours.get(a)) - length(b, tours.get(b));
                            if (delta < -EPS && feasible(a, ta) && feasible(b, tb)) {
                                tours.set(a, ta);
                                tours.set(b, tb);
                                any = true;
                            }
                        }
                    }
                }
            }
            return any;
        }

        private boolean tailSwaps() {
            boolean any = false;
            for (int a = 0; a < tours.size(); a++) {
                pairs:
                for (int b = a + 1; b < tours.size(); b++) {
                    for (int p = 0; p <= tours.get(a).size(); p++) {
                        for (int q = 0; q <= tours.get(b).size(); q++) {
                            List<Integer> oa = tours.get(a);
                            List<Integer> ob = tours.get(b);
                            List<Integer> ta = new ArrayList<>(oa.subList(0, p));
                            ta.addAll(ob.subList(q, ob.size()));
                            List<Integer> tb = new ArrayList<>(ob.subList(0, q));
                            tb.addAll(oa.subList(p, oa.size()));
                            double delta = length(a, ta) + length(b, tb) - length(a, oa) - length(b, ob);
                            if (delta < -EPS && feasible(a, ta) && feasible(b, tb)) {
                                tours.set(a, ta);
                                tours.set(b, tb);
                                any = true;
                                continue pairs;
                            }
                        }
                    }
                }
            }
            return any;
        }
    }
}
