package dev.wedge.edge.conveyor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The current state of each sorter line, for whoever releases work onto it: picking holds the waves that feed a
 * line while {@link #holdsWaves(String)} is true and resumes them when the line is back in Execute. The same
 * facts are in table {@code conveyor_line_state} (column {@code holds_waves}).
 */
public interface LineStates {

    /** One line's state and since when. */
    record LineStateRecord(String plcId, LineState state, int packmlCode, Instant changedAt) {
        public boolean holdsWaves() {
            return state.holdsWaves();
        }
    }

    Optional<LineStateRecord> current(String plcId);

    List<LineStateRecord> all();

    /** True while the line is Held, Stopped or Aborted; false when Execute, Idle or never reported. */
    default boolean holdsWaves(String plcId) {
        return current(plcId).map(LineStateRecord::holdsWaves).orElse(false);
    }
}
