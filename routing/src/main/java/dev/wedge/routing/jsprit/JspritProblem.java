package dev.wedge.routing.jsprit;

import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.job.Break;
import com.graphhopper.jsprit.core.problem.job.Delivery;
import com.graphhopper.jsprit.core.problem.job.Job;
import com.graphhopper.jsprit.core.problem.job.Pickup;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.job.Shipment;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleType;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Coordinate;
import dev.wedge.routing.model.Amount;
import dev.wedge.routing.model.Depot;
import dev.wedge.routing.model.DriverBreak;
import dev.wedge.routing.model.PickupDelivery;
import dev.wedge.routing.model.Place;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.model.StopKind;
import dev.wedge.routing.model.TimeWindow;
import dev.wedge.routing.model.Vehicle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The jsprit view of (part of) a Wedge problem: one jsprit vehicle per trip, one jsprit job per Wedge job, with
 * {@code vehicleWeight} added to every vehicle's fixed cost so that using fewer vehicles comes first.
 */
final class JspritProblem {
    static final String PIN_SKILL = "pin:";
    private static final String BREAK_PREFIX = "break|";

    final Problem problem;
    final PlaceMatrix matrix;
    final double vehicleWeight;
    final Map<String, Job> jobs = new LinkedHashMap<>();
    final Map<String, TripVehicle> trips = new LinkedHashMap<>();
    final Map<String, com.graphhopper.jsprit.core.problem.vehicle.Vehicle> jspritVehicles = new HashMap<>();
    final Map<String, Stop> stops = new HashMap<>();
    final Map<String, PickupDelivery> pairs = new HashMap<>();
    final VehicleRoutingProblem vrp;
    private final Map<String, VehicleType> types = new HashMap<>();
    private final Set<String> pinned;

    JspritProblem(Problem problem, PlaceMatrix matrix, List<TripVehicle> tripVehicles, Set<String> jobIds,
                  double vehicleWeight) {
        this.problem = problem;
        this.matrix = matrix;
        this.vehicleWeight = vehicleWeight;
        this.pinned = new java.util.HashSet<>();
        problem.allStops().forEach(s -> s.pinnedVehicle().ifPresent(pinned::add));
        VehicleRoutingProblem.Builder b = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.FINITE)
                .setRoutingCost(new MatrixTransportCosts(matrix.distance, matrix.time));
        for (TripVehicle t : tripVehicles) {
            com.graphhopper.jsprit.core.problem.vehicle.Vehicle v = vehicle(t);
            trips.put(t.jspritId(), t);
            jspritVehicles.put(t.jspritId(), v);
            b.addVehicle(v);
        }
        for (Stop s : problem.stops()) {
            if (jobIds.contains(s.id())) {
                stops.put(s.id(), s);
                jobs.put(s.id(), service(s));
            }
        }
        for (PickupDelivery p : problem.pairs()) {
            if (jobIds.contains(p.id())) {
                pairs.put(p.id(), p);
                jobs.put(p.id(), shipment(p));
            }
        }
        jobs.values().forEach(b::addJob);
        vrp = b.build();
    }

    static boolean isBreakId(String jspritJobId) {
        return jspritJobId.startsWith(BREAK_PREFIX);
    }

    static String breakIdOf(String jspritJobId) {
        return jspritJobId.substring(jspritJobId.lastIndexOf('|') + 1);
    }

    Location location(Place place) {
        return Location.Builder.newInstance().setId(place.id()).setIndex(matrix.indexOf(place))
                .setCoordinate(Coordinate.newInstance(place.x(), place.y())).build();
    }

    private com.graphhopper.jsprit.core.problem.vehicle.Vehicle vehicle(TripVehicle t) {
        Vehicle v = t.vehicle();
        Depot depot = problem.depot(v.depotId());
        VehicleImpl.Builder b = VehicleImpl.Builder.newInstance(t.jspritId())
                .setType(type(v.type()))
                .setStartLocation(location(depot.place()))
                .setEarliestStart(Math.max(t.earliestStart(), Math.max(v.shift().start(), depot.opening().start())))
                .setLatestArrival(Math.min(v.shift().end(), depot.opening().end()));
        // A skill makes a vehicle a type of its own for jsprit's fleet manager, which then tries every such vehicle
        // on every insertion; so only vehicles that stops are pinned to get their pin skill.
        if (pinned.contains(v.id())) {
            b.addSkill(PIN_SKILL + v.id());
        }
        v.skills().forEach(b::addSkill);
        t.pendingBreaks().stream().findFirst().ifPresent(br -> b.setBreak(jspritBreak(t, br)));
        return b.build();
    }

    private Break jspritBreak(TripVehicle t, DriverBreak br) {
        return Break.Builder.newInstance(BREAK_PREFIX + t.jspritId() + "|" + br.id())
                .addTimeWindow(br.window().start(), br.window().end())
                .setServiceTime(br.duration()).setPriority(1).build();
    }

    private VehicleType type(dev.wedge.routing.model.VehicleType t) {
        return types.computeIfAbsent(t.id(), id -> {
            VehicleTypeImpl.Builder b = VehicleTypeImpl.Builder.newInstance(id)
                    .setFixedCost(t.fixedCost() + vehicleWeight)
                    .setCostPerDistance(t.costPerDistance())
                    .setCostPerTransportTime(t.costPerTime())
                    .setCostPerWaitingTime(0).setCostPerServiceTime(t.costPerTime());
            int[] cap = t.capacity().values();
            for (int i = 0; i < cap.length; i++) {
                b.addCapacityDimension(i, cap[i]);
            }
            return b.build();
        });
    }

    private Service service(Stop s) {
        Service.Builder<? extends Service> b = s.kind() == StopKind.DELIVERY
                ? Delivery.Builder.newInstance(s.id()) : Pickup.Builder.newInstance(s.id());
        b.setLocation(location(s.place())).setServiceTime(s.serviceTime()).setPriority(s.priority());
        addSize(s.demand(), b::addSizeDimension);
        for (TimeWindow w : s.windows()) {
            b.addTimeWindow(w.start(), w.end());
        }
        s.requiredSkills().forEach(b::addRequiredSkill);
        s.pinnedVehicle().ifPresent(v -> b.addRequiredSkill(PIN_SKILL + v));
        return b.build();
    }

    private Shipment shipment(PickupDelivery p) {
        Stop from = p.pickup();
        Stop to = p.delivery();
        Shipment.Builder b = Shipment.Builder.newInstance(p.id())
                .setPickupLocation(location(from.place())).setDeliveryLocation(location(to.place()))
                .setPickupServiceTime(from.serviceTime()).setDeliveryServiceTime(to.serviceTime())
                .setPriority(from.priority());
        addSize(from.demand(), b::addSizeDimension);
        from.windows().forEach(w -> b.addPickupTimeWindow(w.start(), w.end()));
        to.windows().forEach(w -> b.addDeliveryTimeWindow(w.start(), w.end()));
        from.requiredSkills().forEach(b::addRequiredSkill);
        to.requiredSkills().forEach(b::addRequiredSkill);
        from.pinnedVehicle().or(to::pinnedVehicle).ifPresent(v -> b.addRequiredSkill(PIN_SKILL + v));
        return b.build();
    }

    private interface SizeSink {
        Object add(int dimension, int value);
    }

    private static void addSize(Amount amount, SizeSink sink) {
        int[] values = amount.values();
        for (int i = 0; i < values.length; i++) {
            sink.add(i, values[i]);
        }
    }
}
