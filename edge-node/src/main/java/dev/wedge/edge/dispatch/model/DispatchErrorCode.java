package dev.wedge.edge.dispatch.model;

/** Stable codes of dispatch failures, reused in REST problem responses and in rejected driver actions. */
public enum DispatchErrorCode {
    /** The request names a bad value (coordinates, reason, missing field). */
    INVALID_INPUT,
    /** The route, stop, driver or customer does not exist. */
    NOT_FOUND,
    /** The action does not fit the current state (delivering a stop of a route not started, twice, ...). */
    WRONG_STATE,
    /** A proof the customer requires is missing, or a scanned SSCC is not one of the stop's packages. */
    PROOF_MISSING,
    /** No driver is free for the route or the addition. */
    NO_DRIVER,
    /** The stop is on another driver's route. */
    NOT_YOUR_STOP,
    /** An action key already names a different action (another driver, kind or stop); the first one stands. */
    KEY_REUSED
}
