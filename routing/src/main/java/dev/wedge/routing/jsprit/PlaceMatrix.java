package dev.wedge.routing.jsprit;

import dev.wedge.routing.cost.TravelCosts;
import dev.wedge.routing.model.Place;
import dev.wedge.routing.model.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Distances and times between every place of a problem, computed once so the search never calls the cost source. */
final class PlaceMatrix {
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Place> places;
    final double[][] distance;
    final double[][] time;

    PlaceMatrix(Problem problem, TravelCosts costs) {
        Map<String, Place> unique = new LinkedHashMap<>();
        problem.depots().forEach(d -> unique.putIfAbsent(d.place().id(), d.place()));
        problem.allStops().forEach(s -> unique.putIfAbsent(s.place().id(), s.place()));
        places = new ArrayList<>(unique.values());
        int n = places.size();
        distance = new double[n][n];
        time = new double[n][n];
        for (int i = 0; i < n; i++) {
            index.put(places.get(i).id(), i);
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    distance[i][j] = costs.distance(places.get(i), places.get(j));
                    time[i][j] = costs.time(places.get(i), places.get(j));
                }
            }
        }
    }

    int indexOf(Place place) {
        return index.get(place.id());
    }

    List<Place> places() {
        return places;
    }

    double maxDistance() {
        double max = 0;
        for (double[] row : distance) {
            for (double d : row) {
                max = Math.max(max, d);
            }
        }
        return max;
    }

    double maxTime() {
        double max = 0;
        for (double[] row : time) {
            for (double d : row) {
                max = Math.max(max, d);
            }
        }
        return max;
    }
}
