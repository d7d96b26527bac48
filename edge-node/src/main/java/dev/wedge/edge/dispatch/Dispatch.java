package dev.wedge.edge.dispatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.dispatch.driver.ActionResult;
import dev.wedge.edge.dispatch.driver.DriverAction;
import dev.wedge.edge.dispatch.driver.DriverActions;
import dev.wedge.edge.dispatch.eta.EtaCalculator;
import dev.wedge.edge.dispatch.eta.EtaTracker;
import dev.wedge.edge.dispatch.model.DeliveryOrder;
import dev.wedge.edge.dispatch.model.DispatchErrorCode;
import dev.wedge.edge.dispatch.model.DispatchException;
import dev.wedge.edge.dispatch.model.GeoPoint;
import dev.wedge.edge.dispatch.model.Ids;
import dev.wedge.edge.dispatch.model.ProofKind;
import dev.wedge.edge.dispatch.model.ProofPolicy;
import dev.wedge.edge.dispatch.notify.NotificationQueue;
import dev.wedge.edge.dispatch.notify.NotificationSender;
import dev.wedge.edge.dispatch.plan.DriverAssigner;
import dev.wedge.edge.dispatch.plan.PlanImporter;
import dev.wedge.edge.dispatch.plan.Replanner;
import dev.wedge.edge.dispatch.report.DispatchMetrics;
import dev.wedge.edge.dispatch.report.DispatchViews;
import dev.wedge.edge.dispatch.relay.DriverCredentials;
import dev.wedge.edge.dispatch.report.PlanMap;
import dev.wedge.edge.dispatch.store.DispatchOutbox;
import dev.wedge.edge.dispatch.store.JdbcProofStore;
import dev.wedge.edge.dispatch.store.JdbcRouteStore;
import dev.wedge.edge.dispatch.store.Transactions;
import dev.wedge.edge.dispatch.track.TrackingPage;
import dev.wedge.routing.cost.HaversineCosts;
import dev.wedge.routing.cost.TravelCosts;
import dev.wedge.routing.plan.Plan;
import dev.wedge.routing.solve.RouteSolver;
import dev.wedge.sync.edge.JdbcOutbox;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Dispatch at one site: planned routes handed to drivers, what drivers do on the road (exactly once per action),
 * ETAs and late alerts, proof of delivery, customer tracking and notifications, metrics. Every change is one
 * transaction of the site database together with its event in the outbox for HQ.
 *
 * <p>Thread-safe. {@link #start()} starts the notification sender; {@link #close()} stops it. {@link #handler()}
 * is the web side, a Jetty handler any server can mount.
 */
public final class Dispatch implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Dispatch.class);
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+");
    private final Transactions tx;
    private final Clock clock;
    private final JdbcRouteStore routes = new JdbcRouteStore();
    private final JdbcProofStore proofs = new JdbcProofStore();
    private final PlanImporter importer;
    private final DriverAssigner assigner;
    private final Replanner replanner;
    private final DriverActions actions;
    private final NotificationSender sender;
    private final DispatchViews views = new DispatchViews();
    private final DispatchMetrics metrics = new DispatchMetrics();
    private final PlanMap map = new PlanMap();
    private final TrackingPage tracking = new TrackingPage();
    private final DriverCredentials credentials;
    private java.util.concurrent.ScheduledExecutorService credentialSync;

    public Dispatch(DataSource db, JdbcOutbox outbox, DispatchSettings settings,
                    RouteSolver solver, Clock clock) {
        this.tx = new Transactions(db);
        this.clock = clock;
        TravelCosts costs = new HaversineCosts(settings.averageSpeedKmh() / 3.6, settings.detourFactor());
        EtaCalculator calculator = new EtaCalculator(costs);
        DispatchOutbox events = new DispatchOutbox(outbox);
        NotificationQueue queue = new NotificationQueue(settings);
        EtaTracker etas = new EtaTracker(calculator, queue, events, Duration.ofMinutes(settings.etaNoticeMinutes()));
        this.importer = new PlanImporter(events, settings.trackingValidity());
        this.assigner = new DriverAssigner(events, calculator);
        this.replanner = new Replanner(solver, costs, etas, events, settings.trackingValidity());
        this.actions = new DriverActions(tx, events, queue, etas, calculator, clock);
        this.sender = new NotificationSender(tx, queue, settings, clock);
        this.credentials = new DriverCredentials(tx, events, clock);
    }

    /** Starts sending queued notifications in the background. */
    public Dispatch start() {
        sender.start(Duration.ofMillis(250));
        credentialSync = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dispatch-credential-sync");
            t.setDaemon(true);
            return t;
        });
        credentialSync.scheduleWithFixedDelay(this::publishCredentialsQuietly, 0, 2, java.util.concurrent.TimeUnit.SECONDS);
        return this;
    }

    /**
     * Sends HQ the driver accounts (hashes only) that changed since last sent, so drivers can log into HQ's copy of
     * the driver app; {@link #start()} does it every two seconds. Returns how many were sent.
     */
    public int publishDriverCredentials() throws SQLException {
        return credentials.publishChanged();
    }

    private void publishCredentialsQuietly() {
        try {
            credentials.publishChanged();
        } catch (SQLException | RuntimeException e) {
            // Nothing was sent or remembered: the next round tries again.
            LOG.warn("driver credentials not sent to HQ this round: {}", e.toString());
        }
    }

    public void upsertDriver(String driverId, String name, Instant shiftStart, Instant shiftEnd) throws SQLException {
        Ids.require(driverId, "driver id");
        tx.inTransaction(c -> {
            routes.upsertDriver(c, driverId, name, shiftStart, shiftEnd);
            return null;
        });
    }

    /**
     * Adds or updates a customer. {@code email} may be null (no e-mails); otherwise it must be one plain address,
     * since it goes into the headers of customer e-mails: a line break or a second address is refused.
     */
    public void upsertCustomer(String customerId, String name, String email, ProofPolicy policy) throws SQLException {
        Ids.require(customerId, "customer id");
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "The e-mail address of customer "
                    + customerId + " is not one plain address: '" + email.replaceAll("[\\r\\n]", "\\\\n") + "'");
        }
        tx.inTransaction(c -> {
            routes.upsertCustomer(c, customerId, name, email, policy);
            return null;
        });
    }

    /** Stores a plan of the routing module (times in seconds after {@code origin}); returns the new route ids. */
    public List<String> importPlan(String prefix, Plan plan, Instant origin, GeoPoint depot, List<DeliveryOrder> orders)
            throws SQLException {
        return tx.inTransaction(c -> importer.importPlan(c, prefix, plan, origin, depot, orders));
    }

    /** Gives every unassigned planned route to an available driver; returns route id to driver id. */
    public Map<String, String> assignAll() throws SQLException {
        return tx.inTransaction(c -> assigner.assignAll(c, clock.instant()));
    }

    public void reassign(String routeId, String driverId) throws SQLException {
        tx.inTransaction(c -> {
            assigner.reassign(c, routeId, driverId, clock.instant());
            return null;
        });
    }

    public Replanner.Outcome pin(String stopId, String driverId) throws SQLException {
        return tx.inTransaction(c -> replanner.pin(c, stopId, driverId, clock.instant()));
    }

    /** A same-day addition, to {@code driverId} or else the nearest driver on the road, re-planning the rest. */
    public Replanner.Outcome addStop(DeliveryOrder order, Optional<String> driverId) throws SQLException {
        return tx.inTransaction(c -> replanner.add(c, order, driverId, assigner, clock.instant()));
    }

    /** Applies one driver action exactly once (see {@link DriverActions}). */
    public ActionResult apply(DriverAction action) throws SQLException {
        return actions.apply(action);
    }

    public ObjectNode driverDay(String driverId) throws SQLException {
        return tx.read(c -> views.driverDay(c, driverId, clock.instant()));
    }

    public ObjectNode overview() throws SQLException {
        return tx.read(c -> views.overview(c, clock.instant()));
    }

    public ObjectNode metrics() throws SQLException {
        return tx.read(metrics::metrics);
    }

    public String mapSvg() throws SQLException {
        return tx.read(map::svg);
    }

    public ObjectNode stopDetail(String stopId) throws SQLException {
        return tx.read(c -> views.proofOf(c, stopId));
    }

    public Optional<JdbcProofStore.Proof> proof(String stopId, ProofKind kind) throws SQLException {
        return tx.read(c -> proofs.proof(c, stopId, kind));
    }

    /** The customer's tracking page, or empty for a wrong or expired token. */
    public Optional<String> trackingPage(String token) throws SQLException {
        return tx.read(c -> tracking.render(c, token, clock.instant()));
    }

    /** Sends pending notifications now (the background sender does the same every quarter second). */
    public int sendNotifications() throws SQLException {
        return sender.sendPending();
    }

    @Override
    public void close() {
        if (credentialSync != null) {
            credentialSync.shutdownNow();
        }
        sender.close();
    }
}
