package dev.wedge.edge.conveyor.opcua;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.camel.component.milo.client.MiloClientConfiguration;
import org.apache.camel.component.milo.client.MiloClientConnection;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;

/**
 * What camel-milo's {@code milo-client:} consumers and producers talk to for a Wedge PLC: the shared
 * {@link PlcSession} instead of camel-milo's own subscription manager (see docs/conveyor-opcua.md for why).
 * Monitoring and writing are delegated; browsing and method calls are not used on sorters and fail clearly.
 */
public final class PlcConnection extends MiloClientConnection {

    private final PlcSession session;

    PlcConnection(MiloClientConfiguration configuration, PlcSession session) {
        super(configuration, null);
        this.session = session;
    }

    @Override
    protected void init() {
        // The session is started and owned by PlcConnections, not by each endpoint.
    }

    @Override
    public MonitorHandle monitorValue(ExpandedNodeId nodeId, Double samplingInterval, Consumer<DataValue> consumer) {
        double sampling = samplingInterval == null ? session.settings().sampling().toMillis() : samplingInterval;
        PlcSubscription.Item item = session.monitor(nodeId, sampling, consumer);
        return () -> session.unmonitor(item);
    }

    @Override
    public CompletableFuture<?> writeValue(ExpandedNodeId nodeId, Object value) {
        Variant v = value instanceof Variant var ? var
                : value instanceof DataValue dv ? dv.getValue() : new Variant(value);
        return session.write(nodeId, v);
    }

    @Override
    public CompletableFuture<?> readValues(List<ExpandedNodeId> nodeIds) {
        return unsupported("reading");
    }

    @Override
    public CompletableFuture<CallMethodResult> call(ExpandedNodeId nodeId, ExpandedNodeId methodId, Object param) {
        return unsupported("method calls");
    }

    @Override
    public CompletableFuture<Map<ExpandedNodeId, BrowseResult>> browse(List<ExpandedNodeId> nodes,
            BrowseDirection direction, int nodeClasses, int maxDepth, String filter, boolean includeSubTypes,
            int maxNodesPerRequest) {
        return unsupported("browsing");
    }

    @Override
    public String getConnectionId() {
        return session.settings().plcId();
    }

    @Override
    public void close() {
        // Shared; PlcConnections closes the session.
    }

    private static <T> CompletableFuture<T> unsupported(String what) {
        return CompletableFuture.failedFuture(new UaException(StatusCodes.Bad_ServiceUnsupported,
                what + " is not offered on Wedge's sorter connections"));
    }
}
