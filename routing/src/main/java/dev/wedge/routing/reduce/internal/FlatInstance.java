package dev.wedge.routing.reduce.internal;

import dev.wedge.routing.cost.TravelCosts;
import dev.wedge.routing.model.Depot;
import dev.wedge.routing.model.Place;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.model.Vehicle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.IntStream;

/**
 * A single-depot problem of deliveries with one window each, as plain arrays: node 0 is the depot, nodes 1..n the
 * stops that one vehicle can serve on its own (the others are left to the caller). The depot's ready time is the
 * earliest departure and its due time the latest return. Built once; read by several searches at the same time.
 */
public final class FlatInstance {
    private static final int NEAR = 12;
    private static final int WIDE = 30;
    // Enough neighbours for string removals to reach several routes around a seed stop.
    private static final int ADJACENT = 100;

    final int n;
    final double[][] dist;
    final double[][] time;
    final double[] ready;
    final double[] due;
    final double[] service;
    /** Demand per dimension and node. */
    final int[][] demand;
    final int[] capacity;
    /** For every stop, the closest other stops (by distance), nearest first. */
    final int[][] near;
    /** The same with more stops, for removing a neighbourhood at once. */
    final int[][] wide;
    /** The same with up to 100 stops, for string removals. */
    final int[][] adjacent;
    private final Stop[] stops;

    private FlatInstance(Problem problem, TravelCosts costs, List<Stop> servable) {
        Vehicle vehicle = problem.vehicles().get(0);
        Depot depot = problem.depot(vehicle.depotId());
        n = servable.size();
        stops = servable.toArray(new Stop[0]);
        Place[] places = new Place[n + 1];
        places[0] = depot.place();
        ready = new double[n + 1];
        due = new double[n + 1];
        service = new double[n + 1];
        int dims = problem.dimensions();
        demand = new int[dims][n + 1];
        capacity = vehicle.type().capacity().values();
        ready[0] = Math.max(vehicle.shift().start(), depot.opening().start());
        due[0] = Math.min(vehicle.shift().end(), depot.opening().end());
        for (int i = 1; i <= n; i++) {
            Stop s = stops[i - 1];
            places[i] = s.place();
            ready[i] = s.windows().get(0).start();
            due[i] = s.windows().get(0).end();
            service[i] = s.serviceTime();
            for (int d = 0; d < dims; d++) {
                demand[d][i] = s.demand().get(d);
            }
        }
        dist = matrix(places, costs::distance);
        time = matrix(places, costs::time);
        near = new int[n + 1][];
        wide = new int[n + 1][];
        adjacent = new int[n + 1][];
        for (int i = 1; i <= n; i++) {
            int from = i;
            adjacent[i] = IntStream.rangeClosed(1, n).filter(j -> j != from).boxed()
                    .sorted(Comparator.comparingDouble(j -> dist[from][j])).limit(ADJACENT).mapToInt(Integer::intValue)
                    .toArray();
            wide[i] = Arrays.copyOf(adjacent[i], Math.min(WIDE, adjacent[i].length));
            near[i] = Arrays.copyOf(adjacent[i], Math.min(NEAR, adjacent[i].length));
        }
    }

    private static double[][] matrix(Place[] places, ToDoubleBiFunction<Place, Place> cost) {
        double[][] m = new double[places.length][places.length];
        for (int i = 0; i < places.length; i++) {
            for (int j = 0; j < places.length; j++) {
                m[i][j] = i == j ? 0 : cost.applyAsDouble(places[i], places[j]);
            }
        }
        return m;
    }

    /** The arrays for {@code problem}, which must be one that {@code RouteMinimiser} supports. */
    public static FlatInstance of(Problem problem, TravelCosts costs) {
        Vehicle vehicle = problem.vehicles().get(0);
        Depot depot = problem.depot(vehicle.depotId());
        double leave = Math.max(vehicle.shift().start(), depot.opening().start());
        double back = Math.min(vehicle.shift().end(), depot.opening().end());
        List<Stop> servable = new ArrayList<>();
        for (Stop s : problem.stops()) {
            double arrival = leave + costs.time(depot.place(), s.place());
            double start = Math.max(arrival, s.windows().get(0).start());
            boolean fits = s.demand().fitsIn(vehicle.type().capacity()) && arrival <= s.windows().get(0).end()
                    && start + s.serviceTime() + costs.time(s.place(), depot.place()) <= back;
            if (fits) {
                servable.add(s);
            }
        }
        return new FlatInstance(problem, costs, servable);
    }

    /** Number of stops (nodes 1..n). */
    public int stops() {
        return n;
    }

    /** The stop of node {@code i} (1..n). */
    public Stop stop(int i) {
        return stops[i - 1];
    }

    /** The fewest routes the capacity allows: total demand over capacity, rounded up, in the tightest dimension. */
    int capacityBound() {
        int bound = 1;
        for (int d = 0; d < capacity.length; d++) {
            long total = Arrays.stream(demand[d]).asLongStream().sum();
            if (capacity[d] > 0) {
                bound = (int) Math.max(bound, (total + capacity[d] - 1) / capacity[d]);
            }
        }
        return bound;
    }
}
