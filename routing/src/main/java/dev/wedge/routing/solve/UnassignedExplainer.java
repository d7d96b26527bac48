package dev.wedge.routing.solve;

import dev.wedge.routing.check.RouteReplay;
import dev.wedge.routing.check.Violation;
import dev.wedge.routing.check.ViolationKind;
import dev.wedge.routing.cost.TravelCosts;
import dev.wedge.routing.model.PickupDelivery;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.model.StopKind;
import dev.wedge.routing.model.Vehicle;
import dev.wedge.routing.plan.UnassignedJob;
import dev.wedge.routing.plan.UnassignedReason;
import dev.wedge.routing.plan.Visit;
import dev.wedge.routing.plan.VisitKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Says why a job is not in the plan, independently of the solver: it tries the job alone on every vehicle that
 * is allowed to take it and reports the first rule that stops every one of them. A job that some vehicle could
 * serve alone is reported {@link UnassignedReason#NO_ROOM}.
 */
public final class UnassignedExplainer {
    private final Problem problem;
    private final RouteReplay replay;

    public UnassignedExplainer(Problem problem, TravelCosts costs) {
        this.problem = problem;
        this.replay = new RouteReplay(problem, costs);
    }

    public List<UnassignedJob> explain(Collection<String> jobIds) {
        List<UnassignedJob> out = new ArrayList<>();
        jobIds.stream().sorted().forEach(id -> out.add(explain(id)));
        return out;
    }

    UnassignedJob explain(String jobId) {
        List<Visit> alone = aloneVisits(jobId);
        Map<UnassignedReason, String> blocked = new EnumMap<>(UnassignedReason.class);
        for (Vehicle v : problem.vehicles()) {
            List<Violation> violations = replay.replay(v, v.shift().start(), alone).violations();
            if (violations.isEmpty()) {
                return new UnassignedJob(jobId, UnassignedReason.NO_ROOM, "Job " + jobId
                        + " fits on vehicle " + v.id() + " alone, but not with the other jobs of this plan");
            }
            Violation first = violations.stream().min((a, b) -> rank(a.kind()) - rank(b.kind())).orElseThrow();
            blocked.putIfAbsent(reasonOf(first.kind()), first.message());
        }
        if (blocked.isEmpty()) {
            return new UnassignedJob(jobId, UnassignedReason.SHIFT, "There is no vehicle in the fleet");
        }
        // The reason of the vehicles that came closest: a vehicle with the right skills that is too small says more
        // than one without them.
        Map.Entry<UnassignedReason, String> closest = blocked.entrySet().stream()
                .max((a, b) -> advancement(a.getKey()) - advancement(b.getKey())).orElseThrow();
        return new UnassignedJob(jobId, closest.getKey(), closest.getValue());
    }

    // Skill and pin rule a vehicle out before anything else; a shift problem is the last thing we report.
    private static int rank(ViolationKind kind) {
        return switch (kind) {
            case SKILL, PIN -> 0;
            case CAPACITY -> 1;
            case TIME_WINDOW -> 2;
            default -> 3;
        };
    }

    private static int advancement(UnassignedReason reason) {
        return switch (reason) {
            case SKILL -> 0;
            case CAPACITY -> 1;
            case TIME_WINDOW -> 2;
            default -> 3;
        };
    }

    private static UnassignedReason reasonOf(ViolationKind kind) {
        return switch (kind) {
            case SKILL, PIN -> UnassignedReason.SKILL;
            case CAPACITY -> UnassignedReason.CAPACITY;
            case TIME_WINDOW -> UnassignedReason.TIME_WINDOW;
            default -> UnassignedReason.SHIFT;
        };
    }

    private List<Visit> aloneVisits(String jobId) {
        Optional<Stop> single = problem.stops().stream().filter(s -> s.id().equals(jobId)).findFirst();
        if (single.isPresent()) {
            VisitKind kind = single.get().kind() == StopKind.DELIVERY ? VisitKind.DELIVERY : VisitKind.PICKUP;
            return List.of(new Visit(jobId, jobId, kind, 0, 0, 0));
        }
        PickupDelivery pair = problem.pairs().stream().filter(p -> p.id().equals(jobId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Job " + jobId + " is not in the problem"));
        return List.of(new Visit(pair.pickup().id(), jobId, VisitKind.PAIR_PICKUP, 0, 0, 0),
                new Visit(pair.delivery().id(), jobId, VisitKind.PAIR_DELIVERY, 0, 0, 0));
    }
}
