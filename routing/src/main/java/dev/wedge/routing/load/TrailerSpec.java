package dev.wedge.routing.load;

import java.util.Objects;

/**
 * The loading floor and axles of a trailer. Pallets stand in {@code rows} rows of {@code perRow} (two or three
 * across), row 1 at the front wall; each row is {@code rowLength} metres deep. The axle model is a beam on two
 * supports: the front support (kingpin or front axle) at 0 m from the front wall and the rear axle group at
 * {@code wheelbase} metres; {@code frontTare} and {@code rearTare} are the empty loads in kg.
 */
public record TrailerSpec(String id, int rows, int perRow, double rowLength, double wheelbase, double frontTare,
                          double rearTare, double maxFront, double maxRear) {
    public TrailerSpec {
        Objects.requireNonNull(id, "id");
        if (rows < 1) {
            throw new IllegalArgumentException("Trailer " + id + " needs at least one pallet row, got " + rows);
        }
        if (perRow < 2 || perRow > 3) {
            throw new IllegalArgumentException("Trailer " + id + " takes two or three pallets across, got " + perRow);
        }
        if (!(rowLength > 0) || !(wheelbase > 0)) {
            throw new IllegalArgumentException("Trailer " + id + " needs a positive row length and wheelbase");
        }
        if (frontTare < 0 || rearTare < 0 || !(maxFront > 0) || !(maxRear > 0)) {
            throw new IllegalArgumentException("Trailer " + id + " has a negative tare or a non-positive axle limit");
        }
    }

    /** A 13.6 m semi-trailer: 11 rows of three euro pallets (33 places), 7.7 m from kingpin to rear axles. */
    public static TrailerSpec euroSemiTrailer() {
        return new TrailerSpec("semi-13.6", 11, 3, 1.2, 7.7, 3_000, 4_500, 12_000, 24_000);
    }

    public int places() {
        return rows * perRow;
    }
}
