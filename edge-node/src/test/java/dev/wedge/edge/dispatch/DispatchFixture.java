package dev.wedge.edge.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wedge.edge.db.EdgeDatabase;
import dev.wedge.edge.dispatch.driver.ActionResult;
import dev.wedge.edge.dispatch.driver.ActionType;
import dev.wedge.edge.dispatch.driver.DriverAction;
import dev.wedge.edge.dispatch.model.DeliveryOrder;
import dev.wedge.edge.dispatch.model.FailureReason;
import dev.wedge.edge.dispatch.model.GeoPoint;
import dev.wedge.edge.dispatch.model.ProofPolicy;
import dev.wedge.edge.dispatch.plan.DayProblem;
import dev.wedge.routing.cost.HaversineCosts;
import dev.wedge.routing.jsprit.JspritRouteSolver;
import dev.wedge.routing.plan.Plan;
import dev.wedge.routing.solve.SolveOptions;
import dev.wedge.scanner.gs1.Sscc;
import dev.wedge.sync.edge.JdbcOutbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A real in-memory Derby edge database with the dispatch schema, a Dispatch on a hand-moved clock, and builders. */
final class DispatchFixture implements AutoCloseable {
    static final GeoPoint DEPOT = new GeoPoint(52.0, 5.0);
    static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final EdgeDatabase db;
    final Dispatch dispatch;
    final DispatchSettings settings;
    private final ObjectMapper json = new ObjectMapper();
    private long serial = 1000;

    DispatchFixture(DispatchSettings settings) throws SQLException {
        this.settings = settings;
        db = new EdgeDatabase("jdbc:derby:memory:dispatch-" + UUID.randomUUID() + ";create=true");
        db.migrate();
        dispatch = new Dispatch(db, new JdbcOutbox("WH-T", clock), settings, new JspritRouteSolver(), clock);
        dispatch.upsertCustomer("ACME", "Acme Foods", "goods@acme.test", ProofPolicy.standard());
    }

    DispatchFixture() throws SQLException {
        this(DispatchSettings.defaults().withSpeed(36, 1));
    }

    String sscc() {
        return Sscc.of(0, "0614141", serial++).value();
    }

    /** An order at (lat, lon) with a window from {@code fromMin} to {@code toMin} minutes after T0. */
    DeliveryOrder order(String id, String customer, double lat, double lon, int fromMin, int toMin, int packages) {
        List<String> ssccs = new ArrayList<>();
        for (int i = 0; i < packages; i++) {
            ssccs.add(sscc());
        }
        return new DeliveryOrder(id, customer, id + " Main Street 1", "ring twice", new GeoPoint(lat, lon),
                T0.plus(Duration.ofMinutes(fromMin)), T0.plus(Duration.ofMinutes(toMin)), 120, ssccs);
    }

    /** Plans the orders on the trucks through the routing module's solver and stores the routes. */
    List<String> planDay(String prefix, List<DeliveryOrder> orders, String... trucks) throws SQLException {
        Instant end = T0.plus(Duration.ofHours(10));
        Plan plan = new JspritRouteSolver().solve(DayProblem.of(prefix, T0, end, DEPOT, Arrays.asList(trucks), 100,
                orders), new HaversineCosts(settings.averageSpeedKmh() / 3.6, settings.detourFactor()),
                SolveOptions.forIterations(20, 1).withThreads(1));
        if (!plan.unassigned().isEmpty()) {
            throw new IllegalStateException("test plan left stops out: " + plan.unassigned());
        }
        return dispatch.importPlan(prefix, plan, T0, DEPOT, orders);
    }

    ActionResult act(String driver, ActionType type, String stopId) throws SQLException {
        return dispatch.apply(action(driver, type, stopId, Optional.empty(), Optional.empty(), List.of(),
                Optional.empty()));
    }

    ActionResult position(String driver, double lat, double lon) throws SQLException {
        return dispatch.apply(new DriverAction(key(), driver, ActionType.POSITION, clock.instant(), Optional.empty(),
                Optional.empty(), Optional.of(new GeoPoint(lat, lon)), Optional.empty(), "", Optional.empty(),
                Optional.empty(), List.of()));
    }

    DriverAction action(String driver, ActionType type, String stopId, Optional<String> signature,
                        Optional<String> photo, List<String> ssccs, Optional<FailureReason> reason) {
        return new DriverAction(key(), driver, type, clock.instant(), Optional.empty(), Optional.ofNullable(stopId),
                Optional.empty(), reason, "", signature, photo, ssccs);
    }

    static String key() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** The payloads of the outbox records of one kind, in sequence order. */
    List<JsonNode> outbox(String kind) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT payload FROM sync_outbox WHERE kind = ? ORDER BY seq")) {
            ps.setString(1, kind);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(json.readTree(rs.getString(1)));
                }
            }
        }
        return out;
    }

    long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    JsonNode stop(String stopId) throws SQLException {
        return dispatch.stopDetail(stopId);
    }

    @Override
    public void close() throws SQLException {
        dispatch.close();
        db.close();
    }
}
