package dev.wedge.sync.faults;

import dev.wedge.sync.SyncException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a fault run does.
 *
 * @param movements movements the edge writes in total
 * @param faults    faults to inject at least (edge kills, HQ restarts and proxy faults together)
 * @param seed      seed of every random choice of the run
 * @param workDir   empty directory for the two Derby databases and logs
 * @param timeout   give up (and report what was reached) after this long
 */
public record FaultPlan(int movements, int faults, long seed, Path workDir, Duration timeout) {
    public FaultPlan {
        if (movements < 1) {
            throw SyncException.invalid("Fault run movements " + movements + " must be 1 or more.");
        }
        if (faults < 0) {
            throw SyncException.invalid("Fault run faults " + faults + " must not be negative.");
        }
        if (workDir == null) {
            throw SyncException.invalid("Fault run needs a work directory.");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw SyncException.invalid("Fault run timeout " + timeout + " must be positive.");
        }
    }
}
