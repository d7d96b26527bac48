package dev.wedge.edge.floor;

import java.util.Locale;

/**
 * Stable codes for every refusal on the warehouse floor. The REST API answers them as
 * {@code application/problem+json} with {@link #code()} and {@link #httpStatus()}; the outbox and logs use the
 * same code, so a handheld message, an HQ report and a log line can be matched.
 */
public enum FloorError {
    INVALID_REQUEST(400),
    NOT_FOUND(404),
    CONFLICT(409),
    WRONG_LOCATION(422),
    WRONG_PRODUCT(422),
    WRONG_LOT(422),
    EXPIRED_LOT(422),
    QUANTITY_ABOVE_REMAINING(422),
    UNKNOWN_BARCODE(422),
    SERIAL_REQUIRED(422),
    SERIAL_NOT_AVAILABLE(422),
    TASK_CLOSED(409),
    LOCATION_LOCKED(422),
    OVER_CAPACITY(422),
    NOT_ON_NOTICE(422),
    ALREADY_RECEIVED(409),
    NOT_PICKED_FOR_ORDER(422),
    PACK_UNIT_EMPTY(422),
    PACK_UNIT_CLOSED(409),
    WRONG_TRUCK(422),
    OUT_OF_SEQUENCE(422),
    ALREADY_LOADED(409),
    DUPLICATE_SCAN(409);

    private final int httpStatus;

    FloorError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status a REST answer carries for this refusal. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The stable code, e.g. {@code wrong-location}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
