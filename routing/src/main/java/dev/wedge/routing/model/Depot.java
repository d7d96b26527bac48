package dev.wedge.routing.model;

import java.util.Objects;

/** A place where vehicles start and end, open during {@code opening}. */
public record Depot(String id, Place place, TimeWindow opening) {
    public Depot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(place, "place of depot " + id);
        Objects.requireNonNull(opening, "opening of depot " + id);
    }
}
