package dev.wedge.routing.cost;

import dev.wedge.routing.model.Place;

/**
 * Great-circle distance in metres between longitude/latitude places ({@code x} = longitude, {@code y} =
 * latitude, degrees), multiplied by a detour factor for roads, and time in seconds at an average speed.
 */
public record HaversineCosts(double metresPerSecond, double detourFactor) implements TravelCosts {
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    public HaversineCosts {
        if (!(metresPerSecond > 0)) {
            throw new IllegalArgumentException("Average speed must be positive, got " + metresPerSecond);
        }
        if (!(detourFactor >= 1)) {
            throw new IllegalArgumentException("Detour factor must be at least 1, got " + detourFactor);
        }
    }

    /** An average speed in km/h and no detour factor. */
    public static HaversineCosts atKmPerHour(double kmPerHour) {
        return new HaversineCosts(kmPerHour / 3.6, 1);
    }

    @Override
    public double distance(Place from, Place to) {
        double lat1 = Math.toRadians(from.y());
        double lat2 = Math.toRadians(to.y());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(to.x() - from.x());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h))) * detourFactor;
    }

    @Override
    public double time(Place from, Place to) {
        return distance(from, to) / metresPerSecond;
    }
}
