package dev.wedge.edge.conveyor.sim;

import dev.wedge.edge.conveyor.Induction;
import dev.wedge.edge.conveyor.LineState;

/** What the sorter model publishes to its OPC UA address space. Called on the model's threads; must not block. */
interface SorterOutputs {

    void inducted(Induction parcel, long photoEyeCount);

    void leftAtLane(int lane, long trackingId, long photoEyeCount);

    void lineStateChanged(LineState state);
}
