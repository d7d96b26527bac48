package dev.wedge.routing.cost;

import dev.wedge.routing.model.Place;

/**
 * Straight-line distance in the plane, in double precision (the Solomon convention) or rounded to the nearest
 * integer per edge (the TSPLIB EUC_2D convention). Time is distance divided by {@code speed}.
 */
public record EuclideanCosts(double speed, boolean roundEachEdge) implements TravelCosts {
    public EuclideanCosts {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("Speed must be positive, got " + speed);
        }
    }

    /** Solomon: double precision, one distance unit per time unit. */
    public static EuclideanCosts solomon() {
        return new EuclideanCosts(1, false);
    }

    /** TSPLIB EUC_2D: each edge rounded to the nearest integer. */
    public static EuclideanCosts tsplib() {
        return new EuclideanCosts(1, true);
    }

    @Override
    public double distance(Place from, Place to) {
        double d = Math.hypot(from.x() - to.x(), from.y() - to.y());
        return roundEachEdge ? Math.floor(d + 0.5) : d;
    }

    @Override
    public double time(Place from, Place to) {
        return distance(from, to) / speed;
    }
}
