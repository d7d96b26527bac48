package dev.wedge.edge.dispatch.model;

/** Why a delivery could not be made; the driver picks one, with an optional note. */
public enum FailureReason {
    CUSTOMER_ABSENT,
    REFUSED,
    ADDRESS_NOT_FOUND,
    NO_ACCESS,
    DAMAGED,
    OUT_OF_TIME,
    OTHER
}
