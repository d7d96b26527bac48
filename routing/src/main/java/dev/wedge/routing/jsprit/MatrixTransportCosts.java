package dev.wedge.routing.jsprit;

import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.cost.AbstractForwardVehicleRoutingTransportCosts;
import com.graphhopper.jsprit.core.problem.driver.Driver;
import com.graphhopper.jsprit.core.problem.vehicle.Vehicle;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;

/** Distance and time read from precomputed matrices by jsprit location index; cost from the vehicle type rates. */
final class MatrixTransportCosts extends AbstractForwardVehicleRoutingTransportCosts {
    private final double[][] distance;
    private final double[][] time;

    MatrixTransportCosts(double[][] distance, double[][] time) {
        this.distance = distance;
        this.time = time;
    }

    @Override
    public double getDistance(Location from, Location to, double departureTime, Vehicle vehicle) {
        return distance[from.getIndex()][to.getIndex()];
    }

    @Override
    public double getTransportTime(Location from, Location to, double departureTime, Driver driver, Vehicle vehicle) {
        return time[from.getIndex()][to.getIndex()];
    }

    @Override
    public double getTransportCost(Location from, Location to, double departureTime, Driver driver, Vehicle vehicle) {
        double d = distance[from.getIndex()][to.getIndex()];
        if (vehicle == null) {
            return d;
        }
        VehicleTypeImpl.VehicleCostParams rates = vehicle.getType().getVehicleCostParams();
        return d * rates.perDistanceUnit + time[from.getIndex()][to.getIndex()] * rates.perTransportTimeUnit;
    }
}
