package dev.wedge.routing.jsprit;

import com.graphhopper.jsprit.core.problem.job.Job;
import com.graphhopper.jsprit.core.problem.solution.SolutionCostCalculator;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;

/**
 * Cost of a jsprit solution: per used vehicle its fixed cost (which includes the vehicle weight), per leg its
 * distance and time rates, and per unassigned job a penalty larger than any vehicle so that serving every job
 * comes before using fewer vehicles, and fewer vehicles before shorter distance.
 */
final class HierarchicalObjective implements SolutionCostCalculator {
    private final JspritProblem jp;
    private final double penalty;

    HierarchicalObjective(JspritProblem jp) {
        this.jp = jp;
        this.penalty = 2 * jp.vehicleWeight + 4 * (jp.matrix.maxDistance() + jp.matrix.maxTime()) + 1;
    }

    @Override
    public double getCosts(VehicleRoutingProblemSolution solution) {
        double cost = 0;
        for (VehicleRoute r : solution.getRoutes()) {
            if (!r.isEmpty()) {
                cost += routeCost(r);
            }
        }
        for (Job j : solution.getUnassignedJobs()) {
            cost += penalty * (11 - j.getPriority());
        }
        return cost;
    }

    /** The distance part only, which is what the acceptance threshold scales with. */
    double variableCost(VehicleRoutingProblemSolution solution) {
        double cost = 0;
        for (VehicleRoute r : solution.getRoutes()) {
            if (!r.isEmpty()) {
                cost += routeCost(r) - r.getVehicle().getType().getVehicleCostParams().fix;
            }
        }
        return cost;
    }

    private double routeCost(VehicleRoute r) {
        VehicleTypeImpl.VehicleCostParams rates = r.getVehicle().getType().getVehicleCostParams();
        double cost = rates.fix;
        TourActivity prev = r.getStart();
        for (TourActivity act : r.getActivities()) {
            cost += leg(prev, act, rates);
            prev = act;
        }
        return cost + leg(prev, r.getEnd(), rates);
    }

    private double leg(TourActivity from, TourActivity to, VehicleTypeImpl.VehicleCostParams rates) {
        int i = from.getLocation().getIndex();
        int j = to.getLocation().getIndex();
        return jp.matrix.distance[i][j] * rates.perDistanceUnit + jp.matrix.time[i][j] * rates.perTransportTimeUnit;
    }
}
