package dev.wedge.edge.dispatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wedge.edge.dispatch.driver.ActionType;
import dev.wedge.edge.dispatch.driver.DriverAction;
import dev.wedge.edge.dispatch.model.DeliveryOrder;
import dev.wedge.edge.dispatch.model.DispatchErrorCode;
import dev.wedge.edge.dispatch.model.DispatchException;
import dev.wedge.edge.dispatch.model.FailureReason;
import dev.wedge.edge.dispatch.model.GeoPoint;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads driver actions and delivery orders from the JSON the driver app and the supervisor view send. */
public final class ActionJson {
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9000-01-01T00:00:00Z");

    private ActionJson() {
    }

    /**
     * The driver action in the JSON the driver app sends (also the payload of an action relayed through HQ).
     *
     * @throws DispatchException {@code INVALID_INPUT} naming the field that is wrong
     */
    public static DriverAction action(JsonNode n) {
        String type = text(n, "type").orElseThrow(() -> bad("An action has no type"));
        ActionType t;
        try {
            t = ActionType.valueOf(type.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw bad("Action type '" + type + "' is not one of START, POSITION, ARRIVE, DELIVER, FAIL, FINISH");
        }
        Optional<FailureReason> reason = text(n, "reason").map(r -> {
            try {
                return FailureReason.valueOf(r);
            } catch (IllegalArgumentException e) {
                throw bad("Failure reason '" + r + "' is not one of " + List.of(FailureReason.values()));
            }
        });
        List<String> ssccs = strings(n, "ssccs");
        return new DriverAction(text(n, "key").orElse(null), text(n, "driverId").orElse(null), t,
                instant(n, "at"), text(n, "routeId"), text(n, "stopId"), point(n), reason,
                text(n, "note").orElse(""), text(n, "signature"), text(n, "photo"), ssccs);
    }

    static DeliveryOrder order(JsonNode n) {
        List<String> ssccs = strings(n, "ssccs");
        GeoPoint p = point(n).orElseThrow(() -> bad("A delivery order needs lat and lon"));
        return new DeliveryOrder(text(n, "stopId").orElse(null), text(n, "customerId").orElse(null),
                text(n, "address").orElse(null), text(n, "notes").orElse(""), p, instant(n, "windowStart"),
                instant(n, "windowEnd"), serviceSeconds(n), ssccs);
    }

    private static int serviceSeconds(JsonNode n) {
        JsonNode v = n.get("serviceSeconds");
        if (v == null || v.isNull()) {
            return 300;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw bad("serviceSeconds must be a whole number of seconds, got " + v);
        }
        return v.intValue();
    }

    /** A list of texts; absent is empty, anything but an array of texts is refused rather than read as none. */
    private static List<String> strings(JsonNode n, String field) {
        JsonNode v = n.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw bad("The field '" + field + "' must be an array of texts");
        }
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw bad("The field '" + field + "' must be an array of texts, not " + e.getNodeType());
            }
            out.add(e.asText());
        }
        return out;
    }

    static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
    }

    private static Optional<GeoPoint> point(JsonNode n) {
        if (!n.hasNonNull("lat") || !n.hasNonNull("lon")) {
            return Optional.empty();
        }
        if (!n.get("lat").isNumber() || !n.get("lon").isNumber()) {
            throw bad("lat and lon must be numbers");
        }
        return Optional.of(new GeoPoint(n.get("lat").asDouble(), n.get("lon").asDouble()));
    }

    private static Instant instant(JsonNode n, String field) {
        String v = text(n, field).orElseThrow(() -> bad("The field '" + field + "' is missing"));
        Instant at;
        try {
            at = Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw bad("The field '" + field + "' is not an ISO-8601 instant: '" + v + "'");
        }
        // Derby stores years 1..9999 only (and windows get hours added): an instant outside would fail inside the node.
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw bad("The field '" + field + "' is " + v + ", outside " + EARLIEST + " .. " + LATEST);
        }
        return at;
    }

    private static DispatchException bad(String message) {
        return new DispatchException(DispatchErrorCode.INVALID_INPUT, message);
    }
}
