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
import javax.sql.DataSource;
import org.apache.camel.CamelContext;

/**
 * Everything conveyor sortation needs, for the one place that starts the node: the PLC sessions (as camel-milo's
 * {@code milo-client} component), a decider, tracking window and routes per PLC, the decision log and the line
 * states. Add it to the CamelContext before starting Camel, start it after, close it after stopping Camel.
 */
public final class Conveyors implements AutoCloseable {

    /** Decisions remembered per PLC against repeated notifications. */
    static final int WINDOW = 65_536;

    private final List<PlcSettings> plcs;
    private final DataSource db;
    private final Clock clock;
    private final PlcConnections connections;
    private final JdbcDecisionLog log;
    private final JdbcLineStates lineStates;
    private final Map<String, SorterCounters> counters = new LinkedHashMap<>();
    private final List<SortDecider> deciders = new ArrayList<>();

    public Conveyors(List<PlcSettings> plcs, DataSource db, Clock clock) {
        this.plcs = List.copyOf(plcs);
        this.db = db;
        this.clock = clock;
        this.connections = new PlcConnections(plcs, clock);
        this.log = new JdbcDecisionLog(db, clock);
        this.lineStates = new JdbcLineStates(db);
    }

    /** Registers the {@code milo-client} component and one set of routes per PLC. */
    public void addTo(CamelContext camel) throws Exception {
        if (plcs.isEmpty()) {
            return;
        }
        camel.addComponent("milo-client", connections.component());
        for (PlcSettings plc : plcs) {
            SortDecider decider = new SortDecider(plc, db);
            deciders.add(decider);
            SorterCounters c = new SorterCounters();
            counters.put(plc.plcId(), c);
            camel.addRoutes(new ConveyorRoutes(plc, decider, window(plc), log, lineStates, c, clock));
        }
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
        deciders.forEach(SortDecider::warmUp);
        connections.start();
    }

    public List<PlcLinkStatus> links() {
        return connections.statuses();
    }

    public LineStates lineStates() {
        return lineStates;
    }

    public SorterCounters counters(String plcId) {
        return counters.get(plcId);
    }

    /** Decisions queued for Derby but not yet stored. */
    public int pendingDecisionRecords() {
        return log.pending();
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
        connections.close();
        deciders.forEach(SortDecider::close);
        log.close();
    }
}
