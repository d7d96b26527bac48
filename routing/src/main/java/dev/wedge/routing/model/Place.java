package dev.wedge.routing.model;

import java.util.Objects;

/**
 * A point a vehicle drives to. {@code x} and {@code y} are plane coordinates for benchmarks, or longitude and
 * latitude in degrees when the travel costs are geographic. The id keys imported travel matrices.
 */
public record Place(String id, double x, double y) {
    public Place {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("A place id must not be blank");
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("Place " + id + " has a non-finite coordinate (" + x + ", " + y + ")");
        }
    }
}
