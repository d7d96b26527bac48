package dev.wedge.routing;

import dev.wedge.routing.model.Amount;
import dev.wedge.routing.model.Depot;
import dev.wedge.routing.model.Place;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.model.TimeWindow;
import dev.wedge.routing.model.Vehicle;
import dev.wedge.routing.model.VehicleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small hand-made problems for tests, built from a seed so they are the same every run. */
public final class SmallProblems {
    private SmallProblems() {
    }

    public static Depot depot() {
        return new Depot("depot", new Place("depot", 50, 50), new TimeWindow(0, 1000));
    }

    /** {@code stops} deliveries of demand 1..9 spread over a 100x100 square, with 150-wide windows. */
    public static List<Stop> randomStops(int stops, long seed) {
        Random random = new Random(seed);
        List<Stop> out = new ArrayList<>();
        for (int i = 1; i <= stops; i++) {
            double x = random.nextInt(100);
            double y = random.nextInt(100);
            double open = random.nextInt(600);
            out.add(Stop.delivery("s" + i, new Place("p" + i, x, y), Amount.of(1 + random.nextInt(9)), 10,
                    new TimeWindow(open, open + 150)));
        }
        return out;
    }

    public static List<Vehicle> vehicles(int count, int capacity) {
        VehicleType type = VehicleType.distanceOnly("van", Amount.of(capacity));
        List<Vehicle> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(Vehicle.simple("v" + i, type, "depot", new TimeWindow(0, 1000)));
        }
        return out;
    }

    public static Problem problem(List<Vehicle> vehicles, List<Stop> stops) {
        return Problem.of("small", List.of(depot()), vehicles, stops);
    }
}
