package dev.wedge.routing.solve;

/** What the solver minimises. */
public enum Objective {
    /** Serve every job, then use as few vehicles as possible, then minimise cost (VRPTW benchmarks, daily plans). */
    VEHICLES_THEN_COST,
    /** Serve every job at least cost; the vehicle count only matters through fixed costs (CVRP benchmarks). */
    COST
}
