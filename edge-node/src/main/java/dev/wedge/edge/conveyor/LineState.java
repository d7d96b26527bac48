package dev.wedge.edge.conveyor;

import java.util.Arrays;
import java.util.Optional;

/**
 * The line states Wedge acts on, with their PackML (ISA-TR88.00.02) state numbers. A PLC may report other PackML
 * states (Starting, Holding...); those map to {@link #OTHER}.
 */
public enum LineState {
    STOPPED(2),
    IDLE(4),
    EXECUTE(6),
    ABORTED(9),
    HELD(11),
    OTHER(-1);

    private final int code;

    LineState(int code) {
        this.code = code;
    }

    /** The PackML state number. */
    public int code() {
        return code;
    }

    /** Whether waves that feed a line in this state must be held: Held, Stopped and Aborted stop the flow. */
    public boolean holdsWaves() {
        return this == HELD || this == STOPPED || this == ABORTED;
    }

    public static LineState ofCode(int code) {
        Optional<LineState> s = Arrays.stream(values()).filter(v -> v.code == code && v != OTHER).findFirst();
        return s.orElse(OTHER);
    }
}
