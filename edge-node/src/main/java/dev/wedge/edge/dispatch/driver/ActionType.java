package dev.wedge.edge.dispatch.driver;

/** What a driver did, as the driver app reports it. */
public enum ActionType {
    START,
    POSITION,
    ARRIVE,
    DELIVER,
    FAIL,
    FINISH
}
