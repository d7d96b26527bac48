package dev.wedge.edge.conveyor.sim;

import dev.wedge.edge.conveyor.Induction;
import dev.wedge.edge.conveyor.LineState;
import dev.wedge.edge.conveyor.SorterNodes;
import dev.wedge.edge.conveyor.opcua.InductionCodec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;

/**
 * The sorter's address space ({@link SorterNodes}) in a Milo server. Values are pushed to monitored items the
 * moment the model changes them (exception-based reporting, as PLCs do for handshake tags), so the only delay
 * before the host hears of a scan is the subscription's publishing interval.
 */
final class SorterNamespace extends ManagedNamespaceWithLifecycle implements SorterOutputs {

    private final SorterModel model;
    private final Map<NodeId, UaVariableNode> variables = new ConcurrentHashMap<>();
    private final Map<NodeId, Set<DataItem>> items = new ConcurrentHashMap<>();

    SorterNamespace(OpcUaServer server, SorterModel model) {
        super(server, SorterNodes.NAMESPACE_URI);
        this.model = model;
        getLifecycleManager().addStartupTask(this::createNodes);
    }

    private void createNodes() {
        UaFolderNode sorter = new UaFolderNode(getNodeContext(), newNodeId("Sorter"), newQualifiedName("Sorter"),
                LocalizedText.english("Sorter"));
        getNodeManager().addNode(sorter);
        sorter.addReference(new Reference(sorter.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(),
                false));
        variable(sorter, SorterNodes.INDUCTION, NodeIds.KeyValuePair, 1, false, null);
        variable(sorter, SorterNodes.INDUCTION_PHOTO_EYE, NodeIds.UInt32, -1, false, null);
        variable(sorter, SorterNodes.LINE_STATE, NodeIds.Int32, -1, false, null);
        for (int lane = 1; lane <= model.settings().lanes(); lane++) {
            int l = lane;
            variable(sorter, SorterNodes.divertRequest(lane), NodeIds.UInt32, -1, true,
                    id -> model.divertRequested(l, id));
            variable(sorter, SorterNodes.divertConfirm(lane), NodeIds.UInt32, -1, false, null);
            variable(sorter, SorterNodes.lanePhotoEye(lane), NodeIds.UInt32, -1, false, null);
        }
        model.attach(this);
    }

    private void variable(UaFolderNode parent, String id, NodeId dataType, int valueRank, boolean writable,
                          LongConsumer onWrite) {
        String name = id.substring(id.lastIndexOf('/') + 1);
        UaVariableNode.UaVariableNodeBuilder b = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                .setNodeId(newNodeId(id)).setBrowseName(newQualifiedName(name))
                .setDisplayName(LocalizedText.english(id)).setDataType(dataType).setValueRank(valueRank)
                .setTypeDefinition(NodeIds.BaseDataVariableType)
                .setAccessLevel(writable ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY)
                .setUserAccessLevel(writable ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY)
                .setValue(new DataValue(dataType.equals(NodeIds.Int32) ? new Variant(0)
                        : dataType.equals(NodeIds.UInt32) ? new Variant(UInteger.MIN) : Variant.NULL_VALUE));
        if (onWrite != null) {
            b.addAttributeFilter(new WriteListener(onWrite));
        }
        UaVariableNode node = b.build();
        getNodeManager().addNode(node);
        parent.addOrganizes(node);
        variables.put(node.getNodeId(), node);
    }

    /** Tells the model about a value the host wrote, after the node has taken it. */
    private static final class WriteListener implements AttributeFilter {
        private final LongConsumer onWrite;

        WriteListener(LongConsumer onWrite) {
            this.onWrite = onWrite;
        }

        @Override
        public void writeAttribute(AttributeFilterContext ctx, AttributeId attributeId, Object value)
                throws UaException {
            ctx.writeAttribute(attributeId, value);
            if (attributeId == AttributeId.Value && value instanceof DataValue dv
                    && dv.getValue().getValue() instanceof UInteger id) {
                onWrite.accept(id.longValue());
            }
        }
    }

    private void publish(String id, Variant value) {
        NodeId nodeId = newNodeId(id);
        UaVariableNode node = variables.get(nodeId);
        if (node == null) {
            return;
        }
        DataValue dv = DataValue.valueOnly(value);
        node.setValue(dv);
        for (DataItem item : items.getOrDefault(nodeId, Set.of())) {
            item.setValue(dv);
        }
    }

    @Override
    public void inducted(Induction parcel, long photoEyeCount) {
        publish(SorterNodes.INDUCTION, InductionCodec.encode(parcel, getServer().getStaticEncodingContext()));
        publish(SorterNodes.INDUCTION_PHOTO_EYE, new Variant(UInteger.valueOf(photoEyeCount)));
    }

    @Override
    public void leftAtLane(int lane, long trackingId, long photoEyeCount) {
        publish(SorterNodes.divertConfirm(lane), new Variant(UInteger.valueOf(trackingId)));
        publish(SorterNodes.lanePhotoEye(lane), new Variant(UInteger.valueOf(photoEyeCount)));
    }

    @Override
    public void lineStateChanged(LineState state) {
        publish(SorterNodes.LINE_STATE, new Variant(state.code()));
    }

    @Override
    public void onDataItemsCreated(List<DataItem> created) {
        for (DataItem item : created) {
            NodeId nodeId = item.getReadValueId().getNodeId();
            UaVariableNode node = variables.get(nodeId);
            if (node != null && AttributeId.Value.uid().equals(item.getReadValueId().getAttributeId())) {
                items.computeIfAbsent(nodeId, k -> ConcurrentHashMap.newKeySet()).add(item);
                item.setValue(node.getValue());
            }
        }
    }

    @Override
    public void onDataItemsModified(List<DataItem> modified) {
        // Values are pushed on change; a new sampling interval changes nothing here.
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> deleted) {
        for (DataItem item : deleted) {
            Set<DataItem> set = items.get(item.getReadValueId().getNodeId());
            if (set != null) {
                set.remove(item);
            }
        }
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> changed) {
        // Milo's data items hold their own monitoring mode and drop values while disabled.
    }
}
