package dev.wedge.edge.dispatch.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One delivery to plan and drive: who, where, when, and which packages (by SSCC) go there.
 *
 * @param stopId         the stop id, also the routing job id
 * @param customerId     the customer, whose proof policy applies
 * @param address        printed address for the driver
 * @param notes          free text for the driver (gate code, dock, ...), may be empty
 * @param point          where to drive
 * @param windowStart    the earliest service start the customer accepts
 * @param windowEnd      the latest
 * @param serviceSeconds time spent at the stop
 * @param ssccs          the packages delivered here
 */
public record DeliveryOrder(String stopId, String customerId, String address, String notes, GeoPoint point,
                            Instant windowStart, Instant windowEnd, int serviceSeconds, List<String> ssccs) {
    public DeliveryOrder {
        Ids.require(stopId, "stop id");
        Ids.require(customerId, "customer id");
        Objects.requireNonNull(point, "point of stop " + stopId);
        if (address == null || address.isBlank()) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "Stop " + stopId + " has no address");
        }
        if (address.length() > 300) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "The address of stop " + stopId + " has "
                    + address.length() + " characters, at most 300");
        }
        notes = notes == null ? "" : notes;
        if (notes.length() > 1000) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "The notes of stop " + stopId + " have "
                    + notes.length() + " characters, at most 1000");
        }
        if (windowStart == null || windowEnd == null || windowEnd.isBefore(windowStart)) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "Stop " + stopId
                    + " needs a time window with start <= end, got " + windowStart + " .. " + windowEnd);
        }
        if (serviceSeconds < 0) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "Stop " + stopId
                    + " has a negative service time " + serviceSeconds);
        }
        ssccs = List.copyOf(ssccs);
        ssccs.forEach(s -> Ids.requireSscc(s, "package of stop " + stopId));
    }
}
