package dev.wedge.edge.conveyor.decision;

import dev.wedge.edge.conveyor.Induction;
import java.util.Objects;

/**
 * Where one parcel goes and why.
 *
 * @param plcId         the sorter
 * @param parcel        the induction it answers
 * @param lane          the lane to divert to
 * @param reason        why
 * @param ruleNumber    the configured rule number that matched ({@code rule.<n>}), 0 when none did
 * @param decideMicros  microseconds from the notification's arrival to the decision
 */
public record Decision(String plcId, Induction parcel, int lane, DecisionReason reason, int ruleNumber,
                       long decideMicros) {

    public Decision {
        Objects.requireNonNull(plcId, "plcId");
        Objects.requireNonNull(parcel, "parcel");
        Objects.requireNonNull(reason, "reason");
        if (lane < 1) {
            throw new IllegalArgumentException("lane must be 1 or more, not " + lane);
        }
    }
}
