package dev.wedge.edge.picking;

/** Why a picker could not pick the full quantity. */
public enum ShortReason {
    /** Nothing (or too little) at the location. */
    NOT_FOUND,
    /** The stock is there but damaged. */
    DAMAGED,
    /** The location could not be reached (blocked aisle, broken equipment). */
    NO_ACCESS
}
