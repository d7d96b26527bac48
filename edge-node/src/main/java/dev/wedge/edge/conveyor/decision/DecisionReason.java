package dev.wedge.edge.conveyor.decision;

/** Why a parcel was sent to its lane; stored with every decision and shown to supervisors. */
public enum DecisionReason {
    /** A lane rule matched the parcel's destination. */
    RULE,
    /** The parcel's destination is known but no rule matched: default lane. */
    NO_RULE,
    /** The SSCC is known from receiving but has no sortation destination yet: default lane. */
    NO_DESTINATION,
    /** The scanner could not read a label: reject lane. */
    NO_READ,
    /** Nothing is known about the barcode: reject lane. */
    UNKNOWN_BARCODE,
    /** The lookup did not finish within the budget: default lane, so the parcel is not lost to the reject chute. */
    OVER_BUDGET,
    /** The lookup failed (database error): default lane. */
    LOOKUP_FAILED
}
