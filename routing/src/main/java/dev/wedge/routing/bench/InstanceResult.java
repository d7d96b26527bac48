package dev.wedge.routing.bench;

import dev.wedge.routing.plan.Plan;
import java.util.Objects;
import java.util.Optional;

/** One solver's result on one benchmark instance, with the gap to the best-known distance when one is known. */
public record InstanceResult(String instance, String solver, Plan plan, Optional<BestKnown.Entry> bestKnown,
                             int violations) {
    public InstanceResult {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(solver, "solver");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(bestKnown, "bestKnown");
    }

    /** Distance gap to the best-known value in percent, or NaN without one. */
    public double distanceGapPercent() {
        return bestKnown.map(b -> 100 * (plan.distance() - b.distance()) / b.distance()).orElse(Double.NaN);
    }

    /** Whether all jobs are served with no more vehicles than the best-known solution (true without a reference count). */
    public boolean reachesBestKnownVehicles() {
        return plan.unassigned().isEmpty()
                && bestKnown.map(b -> b.vehicles() <= 0 || plan.vehicles() <= b.vehicles()).orElse(true);
    }
}
