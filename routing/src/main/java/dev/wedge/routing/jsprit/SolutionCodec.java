package dev.wedge.routing.jsprit;

import com.graphhopper.jsprit.core.problem.job.Break;
import com.graphhopper.jsprit.core.problem.job.Delivery;
import com.graphhopper.jsprit.core.problem.job.Job;
import com.graphhopper.jsprit.core.problem.job.Pickup;
import com.graphhopper.jsprit.core.problem.job.Shipment;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.BreakActivity;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import dev.wedge.routing.check.RouteReplay;
import dev.wedge.routing.model.PickupDelivery;
import dev.wedge.routing.model.Place;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.plan.Visit;
import dev.wedge.routing.plan.VisitKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Converts between jsprit solutions and Wedge routes for one {@link JspritProblem}. */
final class SolutionCodec {
    private final JspritProblem jp;
    private final RouteReplay replay;

    SolutionCodec(JspritProblem jp, RouteReplay replay) {
        this.jp = jp;
        this.replay = replay;
    }

    /**
     * Wedge routes of the non-empty jsprit routes. Times and distances are recomputed by replaying each route from
     * its departure, so a route seeded from an earlier plan gets the same treatment as a searched one.
     */
    List<Route> routes(VehicleRoutingProblemSolution solution) {
        List<Route> out = new ArrayList<>();
        for (VehicleRoute r : solution.getRoutes()) {
            if (r.isEmpty()) {
                continue;
            }
            TripVehicle trip = jp.trips.get(r.getVehicle().getId());
            List<Visit> visits = new ArrayList<>();
            for (TourActivity act : r.getActivities()) {
                visits.add(visit(act));
            }
            double departure = Math.max(r.getStart().getEndTime(), trip.earliestStart());
            RouteReplay.Outcome o = replay.replay(trip.vehicle(), departure, visits);
            out.add(new Route(trip.vehicle().id(), trip.trip(), departure, o.timedVisits(), o.returnTime(), o.distance()));
        }
        return out;
    }

    /** Ids of the Wedge jobs (not breaks) that the solution leaves out. */
    Set<String> unassignedJobIds(VehicleRoutingProblemSolution solution) {
        Set<String> ids = new HashSet<>();
        for (Job j : solution.getUnassignedJobs()) {
            if (!JspritProblem.isBreakId(j.getId())) {
                ids.add(j.getId());
            }
        }
        return ids;
    }

    /**
     * A jsprit solution seeded from earlier Wedge routes. Each route keeps its visits in order as long as the
     * route stays feasible (checked by replay); jobs dropped that way, and jobs not in any route, start unassigned.
     */
    VehicleRoutingProblemSolution seed(List<Route> previous, double cost) {
        List<VehicleRoute> routes = new ArrayList<>();
        Set<String> used = new HashSet<>();
        List<Job> unassigned = new ArrayList<>();
        for (Route r : previous) {
            String jid = r.vehicleId() + "#" + r.trip();
            TripVehicle trip = jp.trips.get(jid);
            if (trip == null) {
                continue;
            }
            List<Visit> kept = feasibleVisits(trip, r.visits(), used);
            if (kept.stream().allMatch(v -> v.kind() == VisitKind.BREAK)) {
                continue;
            }
            com.graphhopper.jsprit.core.problem.vehicle.Vehicle vehicle = jp.jspritVehicles.get(jid);
            VehicleRoute.Builder b = VehicleRoute.Builder.newInstance(vehicle)
                    .setJobActivityFactory(jp.vrp.getJobActivityFactory());
            Place at = jp.problem.depot(trip.vehicle().depotId()).place();
            boolean hasBreak = false;
            for (Visit v : kept) {
                Job job = jp.jobs.get(v.jobId());
                switch (v.kind()) {
                    case DELIVERY -> b.addDelivery((Delivery) job);
                    case PICKUP -> b.addPickup((Pickup) job);
                    case PAIR_PICKUP -> b.addPickup((Shipment) job);
                    case PAIR_DELIVERY -> b.addDelivery((Shipment) job);
                    case BREAK -> {
                        Break br = vehicle.getBreak();
                        b.addBreak(br, br.getTimeWindow(), jp.location(at));
                        hasBreak = true;
                    }
                }
                if (v.kind() != VisitKind.BREAK) {
                    at = placeOf(v);
                    used.add(v.jobId());
                }
            }
            if (!hasBreak && vehicle.getBreak() != null) {
                unassigned.add(vehicle.getBreak());
            }
            routes.add(b.build());
        }
        jp.jobs.values().stream().filter(j -> !used.contains(j.getId())).forEach(unassigned::add);
        return new VehicleRoutingProblemSolution(routes, unassigned, cost);
    }

    private List<Visit> feasibleVisits(TripVehicle trip, List<Visit> visits, Set<String> used) {
        List<Visit> kept = new ArrayList<>();
        Set<String> open = new HashSet<>();
        for (Visit v : visits) {
            boolean ownBreak = v.kind() == VisitKind.BREAK && !trip.pendingBreaks().isEmpty()
                    && trip.pendingBreaks().get(0).id().equals(v.stopId());
            if (v.kind() == VisitKind.BREAK && !ownBreak
                    || v.kind() != VisitKind.BREAK && (!jp.jobs.containsKey(v.jobId()) || used.contains(v.jobId()))) {
                continue;
            }
            boolean closesPair = v.kind() == VisitKind.PAIR_DELIVERY;
            if (closesPair && !open.contains(v.jobId())) {
                continue;
            }
            kept.add(v);
            if (!replay.replay(trip.vehicle(), trip.earliestStart(), kept).feasible()) {
                kept.remove(kept.size() - 1);
                if (closesPair) {
                    kept.removeIf(k -> k.jobId().equals(v.jobId()));
                    open.remove(v.jobId());
                }
                continue;
            }
            if (v.kind() == VisitKind.PAIR_PICKUP) {
                open.add(v.jobId());
            } else if (closesPair) {
                open.remove(v.jobId());
            }
        }
        kept.removeIf(k -> open.contains(k.jobId()));
        return kept;
    }

    private Visit visit(TourActivity act) {
        double start = act.getEndTime() - act.getOperationTime();
        if (act instanceof BreakActivity b) {
            String id = JspritProblem.breakIdOf(b.getJob().getId());
            return new Visit(id, id, VisitKind.BREAK, act.getArrTime(), start, act.getEndTime());
        }
        Job job = ((TourActivity.JobActivity) act).getJob();
        if (job instanceof Shipment) {
            PickupDelivery pair = jp.pairs.get(job.getId());
            boolean pickup = act.getName().startsWith("pickup");
            Stop stop = pickup ? pair.pickup() : pair.delivery();
            return new Visit(stop.id(), pair.id(), pickup ? VisitKind.PAIR_PICKUP : VisitKind.PAIR_DELIVERY,
                    act.getArrTime(), start, act.getEndTime());
        }
        VisitKind kind = job instanceof Pickup ? VisitKind.PICKUP : VisitKind.DELIVERY;
        return new Visit(job.getId(), job.getId(), kind, act.getArrTime(), start, act.getEndTime());
    }

    private Place placeOf(Visit v) {
        Stop s = jp.stops.get(v.stopId());
        if (s != null) {
            return s.place();
        }
        PickupDelivery p = jp.pairs.get(v.jobId());
        return p.pickup().id().equals(v.stopId()) ? p.pickup().place() : p.delivery().place();
    }
}
