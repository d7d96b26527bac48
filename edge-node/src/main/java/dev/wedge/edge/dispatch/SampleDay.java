package dev.wedge.edge.dispatch;

import dev.wedge.edge.dispatch.model.DeliveryOrder;
import dev.wedge.edge.dispatch.model.GeoPoint;
import dev.wedge.edge.dispatch.model.ProofPolicy;
import dev.wedge.edge.dispatch.model.ProofRule;
import dev.wedge.edge.dispatch.plan.DayProblem;
import dev.wedge.routing.cost.HaversineCosts;
import dev.wedge.routing.jsprit.JspritRouteSolver;
import dev.wedge.routing.plan.Plan;
import dev.wedge.routing.solve.SolveOptions;
import dev.wedge.scanner.gs1.Sscc;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A sample delivery day for the demo: two customers with different proof rules, two drivers, six stops around
 * the depot planned onto two trucks by the routing module and handed to the drivers.
 */
public final class SampleDay {
    /** The sample depot (the demo warehouse's yard). */
    public static final GeoPoint DEPOT = new GeoPoint(52.0907, 5.1214);

    private SampleDay() {
    }

    /** Seeds and plans the day starting now; returns the route ids. */
    public static List<String> seed(Dispatch dispatch, Instant now, String companyPrefix) throws SQLException {
        Instant start = now.truncatedTo(ChronoUnit.MINUTES);
        dispatch.upsertCustomer("C-ACME", "Acme Foods", null, ProofPolicy.standard());
        dispatch.upsertCustomer("C-SHOP", "Corner Shop", null,
                new ProofPolicy(ProofRule.WARNED, ProofRule.OPTIONAL, ProofRule.WARNED));
        // The demo's driver account (the demo makes one account per role, DEMO-<ROLE>): a driver's badge is their id.
        dispatch.upsertDriver("DEMO-DRIVER", "Dana", start.minus(Duration.ofHours(1)), start.plus(Duration.ofHours(10)));
        dispatch.upsertDriver("D2", "Sam", start.minus(Duration.ofHours(1)), start.plus(Duration.ofHours(10)));
        double[][] at = {{52.10, 5.10}, {52.11, 5.13}, {52.105, 5.16}, {52.07, 5.09}, {52.075, 5.14}, {52.06, 5.12}};
        List<DeliveryOrder> orders = new ArrayList<>();
        long serial = 90_000;
        for (int i = 0; i < at.length; i++) {
            List<String> ssccs = List.of(Sscc.of(0, companyPrefix, serial++).value());
            orders.add(new DeliveryOrder("STOP-" + (i + 1), i % 2 == 0 ? "C-ACME" : "C-SHOP",
                    (10 + i) + " Sample Street", i == 0 ? "Dock at the back, ring twice" : "",
                    new GeoPoint(at[i][0], at[i][1]), start, start.plus(Duration.ofMinutes(i < 3 ? 90 : 240)), 300,
                    ssccs));
        }
        Plan plan = new JspritRouteSolver().solve(DayProblem.of("sample", start, start.plus(Duration.ofHours(9)),
                DEPOT, List.of("TRUCK-1", "TRUCK-2"), 20, orders), HaversineCosts.atKmPerHour(40),
                SolveOptions.forIterations(50, 1).withThreads(1));
        List<String> routes = dispatch.importPlan("DEMO", plan, start, DEPOT, orders);
        // The solver may put every stop on one truck, and the assigner would give it to D2 (fewest hours, then
        // id): the first route is the demo driver's, so the account the demo prints has a day to drive.
        dispatch.reassign(routes.get(0), "DEMO-DRIVER");
        dispatch.assignAll();
        return routes;
    }
}
