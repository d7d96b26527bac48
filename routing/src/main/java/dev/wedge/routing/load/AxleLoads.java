package dev.wedge.routing.load;

/** Front and rear axle loads in kg with the loaded trailer leaving the dock, and whether they are within limits. */
public record AxleLoads(double front, double rear, double maxFront, double maxRear) {
    public boolean withinLimits() {
        return front <= maxFront && rear <= maxRear;
    }
}
