package dev.wedge.routing.cost;

import dev.wedge.routing.RoutingErrorCode;
import dev.wedge.routing.RoutingException;
import dev.wedge.routing.model.Place;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A full distance and time matrix over a fixed list of place ids, as imported from a CSV file or fetched from a
 * routing service. Lookups are by place id; a place not in the matrix is an error.
 */
public final class TravelMatrix implements TravelCosts {
    private final List<String> ids;
    private final Map<String, Integer> index = new HashMap<>();
    private final double[][] distances;
    private final double[][] times;

    public TravelMatrix(List<String> ids, double[][] distances, double[][] times) {
        this.ids = List.copyOf(ids);
        int n = ids.size();
        if (distances.length != n || times.length != n) {
            throw new IllegalArgumentException("A matrix over " + n + " places needs " + n + " rows");
        }
        for (int i = 0; i < n; i++) {
            if (distances[i].length != n || times[i].length != n) {
                throw new IllegalArgumentException("Matrix row " + i + " (" + ids.get(i) + ") does not have " + n + " values");
            }
            if (index.put(ids.get(i), i) != null) {
                throw new IllegalArgumentException("Duplicate place id " + ids.get(i) + " in matrix");
            }
        }
        this.distances = deepCopy(distances);
        this.times = deepCopy(times);
    }

    public List<String> ids() {
        return ids;
    }

    public double distance(int from, int to) {
        return distances[from][to];
    }

    public double time(int from, int to) {
        return times[from][to];
    }

    @Override
    public double distance(Place from, Place to) {
        return distances[indexOf(from)][indexOf(to)];
    }

    @Override
    public double time(Place from, Place to) {
        return times[indexOf(from)][indexOf(to)];
    }

    private int indexOf(Place place) {
        Integer i = index.get(place.id());
        if (i == null) {
            throw new RoutingException(RoutingErrorCode.MISSING_TRAVEL_COST,
                    "The travel matrix has no entry for place " + place.id());
        }
        return i;
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] copy = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            copy[i] = m[i].clone();
        }
        return copy;
    }
}
