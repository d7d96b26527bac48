package dev.wedge.edge.conveyor.route;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.conveyor.JdbcLineStates;
import dev.wedge.edge.conveyor.LineStates;
import dev.wedge.edge.conveyor.PlcLinkStatus;
import dev.wedge.edge.conveyor.PlcSettings;
import dev.wedge.edge.conveyor.decision.DecisionReason;
import dev.wedge.edge.conveyor.decision.JdbcDecisionLog;
import dev.wedge.edge.conveyor.decision.SortDecider;
import dev.wedge.edge.conveyor.decision.TrackingWindow;
import dev.wedge.edge.conveyor.opcua.PlcConnections;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Everything conveyor sortation needs, for the one place that starts the node: the PLC sessions (as camel-milo's
 * {@code milo-client} component), a decider, tracking window and routes per PLC, the decision log and the line
 * states. Add it to the CamelContext before starting Camel and start it after.
 *
 * <p>Its threads (OPC UA session upkeep, lookups, budget timer, decision log writer) come from the CamelContext's
 * executor service manager, and it registers itself with the context as a service: stopping Camel stops the
 * conveyor routes first (their in-flight parcels finish), then closes the PLC sessions and stores the queued
 * decisions, and only then shuts the threads down. {@link #close()} does the same for a context that is not
 * stopped, and does nothing the second time.
 */
public final class Conveyors implements AutoCloseable {

    /** Decisions remembered per PLC against repeated notifications. */
    static final int WINDOW = 65_536;
    private static final long THREADS_STOP_MILLIS = 2_000;

    private final List<PlcSettings> plcs;
    private final DataSource db;
    private final Clock clock;
    private final JdbcLineStates lineStates;
    private final Map<String, SorterCounters> counters = new LinkedHashMap<>();
    private final List<SortDecider> deciders = new ArrayList<>();
    private final List<ExecutorService> threads = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private ExecutorServiceManager threadSource;
    private PlcConnections connections;
    private JdbcDecisionLog log;

    public Conveyors(List<PlcSettings> plcs, DataSource db, Clock clock) {
        this.plcs = List.copyOf(plcs);
        this.db = db;
        this.clock = clock;
        this.lineStates = new JdbcLineStates(db);
    }

    /** Registers the {@code milo-client} component, one set of routes per PLC, and this as a Camel service. */
    public void addTo(CamelContext camel) throws Exception {
        if (plcs.isEmpty()) {
            return;
        }
        threadSource = camel.getExecutorServiceManager();
        connections = new PlcConnections(plcs, owned(threadSource.newScheduledThreadPool(this, "conveyor-opcua", 2)),
                clock);
        log = new JdbcDecisionLog(db, clock, owned(threadSource.newSingleThreadExecutor(this, "conveyor-decision-log")));
        ScheduledExecutorService budgetTimer = owned(threadSource.newSingleThreadScheduledExecutor(this,
                "conveyor-budget"));
        camel.addComponent("milo-client", connections.component());
        for (PlcSettings plc : plcs) {
            SortDecider decider = new SortDecider(plc, db,
                    owned(threadSource.newSingleThreadExecutor(this, "conveyor-lookup-" + plc.plcId())), budgetTimer);
            deciders.add(decider);
            SorterCounters c = new SorterCounters();
            counters.put(plc.plcId(), c);
            camel.addRoutes(new ConveyorRoutes(plc, decider, window(plc), log, lineStates, c, clock));
        }
        camel.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                Conveyors.this.close();
            }
        }, true, false);
    }

    private <T extends ExecutorService> T owned(T executor) {
        threads.add(executor);
        return executor;
    }

    private TrackingWindow window(PlcSettings plc) throws SQLException {
        TrackingWindow w = new TrackingWindow(WINDOW);
        List<long[]> recent = JdbcDecisionLog.recentKeys(db, plc.plcId(), WINDOW);
        for (int i = recent.size() - 1; i >= 0; i--) {
            w.firstTime(recent.get(i)[0], Instant.ofEpochMilli(recent.get(i)[1]));
        }
        return w;
    }

    /** Starts connecting to every PLC in the background. */
    public void start() {
        if (connections == null) {
            return;
        }
        deciders.forEach(SortDecider::warmUp);
        connections.start();
    }

    public List<PlcLinkStatus> links() {
        return connections == null ? List.of() : connections.statuses();
    }

    public LineStates lineStates() {
        return lineStates;
    }

    public SorterCounters counters(String plcId) {
        return counters.get(plcId);
    }

    /** Decisions queued for Derby but not yet stored. */
    public int pendingDecisionRecords() {
        return log == null ? 0 : log.pending();
    }

    /** The {@code conveyors} array of {@code /api/status}: per PLC its link, line state and decision counts. */
    public ArrayNode status(ObjectMapper json) {
        ArrayNode list = json.createArrayNode();
        for (PlcLinkStatus link : links()) {
            ObjectNode n = list.addObject();
            n.put("plcId", link.plcId());
            n.put("endpoint", link.endpoint());
            n.put("connected", link.connected());
            n.put("securityPolicy", link.securityPolicy());
            n.put("sessions", link.sessions());
            n.put("subscriptions", link.subscriptions());
            n.put("lastConnectedAt", link.lastConnectedAt() == null ? null : link.lastConnectedAt().toString());
            n.put("lastLostAt", link.lastLostAt() == null ? null : link.lastLostAt().toString());
            n.put("lastError", link.lastError());
            lineStates.current(link.plcId()).ifPresentOrElse(s -> {
                n.put("lineState", s.state().name());
                n.put("wavesHeld", s.holdsWaves());
                n.put("lineStateSince", s.changedAt().toString());
            }, () -> n.putNull("lineState"));
            SorterCounters c = counters.get(link.plcId());
            if (c != null) {
                ObjectNode d = n.putObject("decisions");
                for (DecisionReason r : DecisionReason.values()) {
                    d.put(r.name(), c.decisions(r));
                }
                n.put("divertsSent", c.divertsSent());
                n.put("divertsFailed", c.divertsFailed());
                n.put("repeatedNotifications", c.repeatedNotifications());
            }
        }
        return list;
    }

    @Override
    public void close() {
        if (connections == null || !closed.compareAndSet(false, true)) {
            return;
        }
        connections.close();
        deciders.forEach(SortDecider::close);
        log.close();
        threads.forEach(t -> threadSource.shutdownGraceful(t, THREADS_STOP_MILLIS));
    }
}
