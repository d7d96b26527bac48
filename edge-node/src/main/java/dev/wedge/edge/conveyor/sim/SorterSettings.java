package dev.wedge.edge.conveyor.sim;

import java.time.Duration;

/**
 * The shape of a simulated sorter.
 *
 * @param lanes          number of divert lanes, numbered 1..lanes
 * @param rejectLane     where a parcel goes without a divert request in time (the reject chute or recirculation)
 * @param decisionWindow how long after the scan a divert request still catches the parcel (the PLC's budget)
 */
public record SorterSettings(int lanes, int rejectLane, Duration decisionWindow) {

    public SorterSettings {
        if (lanes < 1 || lanes > 64) {
            throw new IllegalArgumentException("a sorter has 1..64 lanes, not " + lanes);
        }
        if (rejectLane < 1 || rejectLane > lanes) {
            throw new IllegalArgumentException("reject lane " + rejectLane + " is not one of lanes 1.." + lanes);
        }
        if (decisionWindow == null || decisionWindow.isNegative() || decisionWindow.isZero()) {
            throw new IllegalArgumentException("decision window must be positive, not " + decisionWindow);
        }
    }
}
