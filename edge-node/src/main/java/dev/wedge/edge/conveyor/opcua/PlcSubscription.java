package dev.wedge.edge.conveyor.opcua;

import dev.wedge.edge.conveyor.PlcSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * One Milo subscription on a PLC session, carrying every monitored node. Its publishing interval is the
 * configured one (sorters want a few milliseconds, not Milo's default second; a server that revises it upwards is
 * logged as a warning), each item keeps a queue so two scans inside one publishing interval both arrive, and
 * keep-alives come every {@link PlcSession#KEEP_ALIVE}.
 */
final class PlcSubscription {

    private static final Logger LOG = LoggerFactory.getLogger(PlcSubscription.class);

    /**
     * Notifications a monitored item may queue on the PLC between two publishes. A queue of one would lose the
     * first of two scans inside one publishing interval; 1,000 covers a second of scans at 3.6 million an hour
     * with a 1 s publishing interval, and costs the PLC memory only while the host is slow.
     */
    static final int QUEUE_SIZE = 1_000;

    /** A node someone monitors, independent of any session. */
    public record Item(ExpandedNodeId node, double samplingMillis, Consumer<DataValue> sink) {
    }

    private final OpcUaClient client;
    private final OpcUaSubscription subscription;
    private final Map<Item, OpcUaMonitoredItem> created = new ConcurrentHashMap<>();
    private volatile boolean abandoned;

    private PlcSubscription(OpcUaClient client, OpcUaSubscription subscription) {
        this.client = client;
        this.subscription = subscription;
    }

    static PlcSubscription create(OpcUaClient client, PlcSettings settings, List<Item> items,
                                  Consumer<String> onFailure) throws UaException {
        double publishing = Math.max(1, settings.publishing().toMillis());
        OpcUaSubscription s = new OpcUaSubscription(client, publishing);
        s.setMaxKeepAliveCount(uint(Math.max(1, Math.round(PlcSession.KEEP_ALIVE / publishing))));
        s.setLifetimeCount(uint(Math.max(3, Math.round(10_000 / publishing))));
        PlcSubscription ps = new PlcSubscription(client, s);
        s.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
            @Override
            public void onTransferFailed(OpcUaSubscription sub, StatusCode status) {
                if (!ps.abandoned) {
                    onFailure.accept("transfer failed: " + status);
                }
            }

            // A late keep-alive on a busy box is not a dead PLC: the session's own keep-alive decides that, and
            // a subscription the PLC dropped reports a bad status.
            @Override
            public void onWatchdogTimerElapsed(OpcUaSubscription sub) {
                LOG.debug("subscription {} watchdog elapsed", sub.getSubscriptionId());
            }

            @Override
            public void onStatusChanged(OpcUaSubscription sub, StatusCode status) {
                if (!ps.abandoned && status.isBad()) {
                    onFailure.accept("status " + status);
                }
            }
        });
        s.create();
        double revised = s.getRevisedPublishingInterval().orElse(publishing);
        if (revised > publishing) {
            // A server below its minimum may answer with its default instead (Milo's: 250 ms), not its minimum.
            LOG.warn("PLC {}: subscription {} publishes every {} ms, not the {} ms asked for"
                    + " (conveyor.{}.publishingMillis): every scan can reach Wedge that much later",
                    settings.plcId(), s.getSubscriptionId().orElse(null), revised, publishing, settings.plcId());
        } else {
            LOG.info("PLC {}: subscription {} publishes every {} ms", settings.plcId(),
                    s.getSubscriptionId().orElse(null), revised);
        }
        for (Item item : items) {
            ps.add(item);
        }
        return ps;
    }

    /** Adds one item; a node the PLC does not have is logged and delivered as a bad value to its sink. */
    void add(Item item) {
        try {
            OpcUaMonitoredItem m = OpcUaMonitoredItem.newDataItem(item.node().toNodeIdOrThrow(client.getNamespaceTable()));
            m.setSamplingInterval(item.samplingMillis());
            m.setQueueSize(uint(QUEUE_SIZE));
            // Should the queue overflow, the oldest scans are the ones already past their divert point.
            m.setDiscardOldest(true);
            m.setDataValueListener((mi, value) -> item.sink().accept(value));
            subscription.addMonitoredItem(m);
            subscription.createMonitoredItems();
            StatusCode result = m.getCreateResult().orElse(StatusCode.GOOD);
            if (result.isBad()) {
                LOG.warn("cannot monitor {}: {}", item.node().toParseableString(), result);
                item.sink().accept(new DataValue(result));
                return;
            }
            created.put(item, m);
        } catch (UaException e) {
            LOG.warn("cannot monitor {}: {}", item.node().toParseableString(), e.getMessage());
            item.sink().accept(new DataValue(e.getStatusCode()));
        }
    }

    void remove(Item item) {
        OpcUaMonitoredItem m = created.remove(item);
        if (m != null) {
            subscription.removeMonitoredItem(m);
            subscription.deleteMonitoredItems();
        }
    }

    /** Stops reacting to this subscription; deleting it on the PLC is best effort. */
    void abandon() {
        abandoned = true;
        subscription.deleteAsync();
    }
}
