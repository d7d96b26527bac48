package dev.wedge.edge.conveyor.opcua;

import dev.wedge.edge.conveyor.PlcLinkStatus;
import dev.wedge.edge.conveyor.PlcSettings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.component.milo.client.MiloClientComponent;
import org.apache.camel.component.milo.client.MiloClientConfiguration;
import org.apache.camel.component.milo.client.MiloClientConnection;
import org.apache.camel.component.milo.client.MiloClientConnectionManager;
import org.apache.camel.component.milo.client.MonitorFilterConfiguration;

/**
 * One {@link PlcSession} per configured sorter PLC, handed to camel-milo as its connection manager. A
 * {@code milo-client:} endpoint names its PLC with {@code clientId=<plcId>}; every endpoint of that PLC shares
 * the one session (one physical device, one owner).
 */
public final class PlcConnections implements MiloClientConnectionManager, AutoCloseable {

    private final Map<String, PlcSession> sessions = new LinkedHashMap<>();
    private final ScheduledExecutorService executor;

    /**
     * @param executor runs connecting, reconnecting and subscription changes; owned by the caller, who shuts it
     *                 down after {@link #close()}
     */
    public PlcConnections(List<PlcSettings> plcs, ScheduledExecutorService executor, Clock clock) {
        this.executor = executor;
        for (PlcSettings p : plcs) {
            sessions.put(p.plcId(), new PlcSession(p, executor, clock));
        }
    }

    /** A {@code milo-client} component whose endpoints use these sessions. */
    public MiloClientComponent component() {
        MiloClientComponent c = new MiloClientComponent();
        c.setMiloClientConnectionManager(this);
        return c;
    }

    /** Starts every session connecting in the background. */
    public void start() {
        sessions.values().forEach(PlcSession::start);
    }

    @Override
    public MiloClientConnection createConnection(MiloClientConfiguration configuration,
                                                 MonitorFilterConfiguration monitorFilterConfiguration) {
        PlcSession s = sessions.get(configuration.getClientId());
        if (s == null) {
            throw new IllegalArgumentException("milo-client endpoint " + configuration.getEndpointUri()
                    + " names clientId=" + configuration.getClientId() + ", which is not a configured conveyor PLC "
                    + sessions.keySet());
        }
        return new PlcConnection(configuration, s);
    }

    @Override
    public void releaseConnection(MiloClientConnection connection) {
        // Sessions live as long as this registry.
    }

    public List<PlcLinkStatus> statuses() {
        return sessions.values().stream().map(PlcSession::status).toList();
    }

    public PlcSession session(String plcId) {
        return sessions.get(plcId);
    }

    @Override
    public void close() {
        sessions.values().forEach(PlcSession::close);
    }
}
