package dev.wedge.edge.dispatch.driver;

import dev.wedge.edge.dispatch.model.DispatchErrorCode;
import dev.wedge.edge.dispatch.model.DispatchException;
import dev.wedge.edge.dispatch.model.FailureReason;
import dev.wedge.edge.dispatch.model.GeoPoint;
import dev.wedge.edge.dispatch.model.Ids;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One action captured by the driver app, possibly offline and sent later, identified by the idempotency key the
 * phone generated when the driver tapped. {@code at} is when it happened on the phone.
 *
 * @param signature a {@code data:image/...;base64,} URL of the drawn signature, for DELIVER
 * @param photo     a {@code data:image/...;base64,} URL of the photo, for DELIVER
 * @param ssccs     the packages scanned at the stop, for DELIVER
 */
public record DriverAction(String key, String driverId, ActionType type, Instant at, Optional<String> routeId,
                           Optional<String> stopId, Optional<GeoPoint> position, Optional<FailureReason> reason,
                           String note, Optional<String> signature, Optional<String> photo, List<String> ssccs) {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    public DriverAction {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "Action key '" + key
                    + "' must be 16-64 letters, digits, '_' or '-'");
        }
        Ids.require(driverId, "driver id");
        // Accounts allow badges of up to 40 characters, dispatch's tables driver ids of up to 32: refused here, a
        // longer one would fail the claim of the key inside Derby, on every resend and for every relayed message.
        if (driverId.length() > 32) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "Driver id '" + driverId
                    + "' is longer than the 32 characters dispatch keeps");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        routeId.ifPresent(r -> Ids.require(r, "route id"));
        stopId.ifPresent(s -> Ids.require(s, "stop id"));
        note = note == null ? "" : note.strip();
        if (note.length() > 500) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "The note of action " + key
                    + " is longer than 500 characters");
        }
        ssccs = List.copyOf(ssccs);
        boolean needsStop = type == ActionType.ARRIVE || type == ActionType.DELIVER || type == ActionType.FAIL;
        if (needsStop && stopId.isEmpty()) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, type + " action " + key + " names no stop");
        }
        if (type == ActionType.FAIL && reason.isEmpty()) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "FAIL action " + key + " gives no reason");
        }
        if (type == ActionType.POSITION && position.isEmpty()) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "POSITION action " + key + " has no lat/lon");
        }
    }
}
