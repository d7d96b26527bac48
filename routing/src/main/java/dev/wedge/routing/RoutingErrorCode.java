package dev.wedge.routing;

/** Stable codes of routing failures, reused by REST problem responses and logs. */
public enum RoutingErrorCode {
    /** The problem itself is inconsistent (unknown depot, duplicate id, dimension mismatch). */
    INVALID_PROBLEM,
    /** A benchmark or matrix file could not be parsed. */
    INVALID_INPUT_FILE,
    /** A travel-cost lookup has no entry for a pair of places. */
    MISSING_TRAVEL_COST,
    /** The travel-cost service could not be reached and no cached matrix exists. */
    TRAVEL_COST_SERVICE_UNAVAILABLE,
    /** The solver cannot express a feature of this problem. */
    UNSUPPORTED_FEATURE
}
