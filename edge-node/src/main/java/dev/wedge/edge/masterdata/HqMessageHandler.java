package dev.wedge.edge.masterdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wedge.edge.floor.FloorException;
import dev.wedge.edge.picking.Order;
import dev.wedge.edge.picking.OrderStore;
import dev.wedge.sync.edge.InboundHandler;
import dev.wedge.sync.edge.InboundOutcome;
import dev.wedge.sync.wire.InboundMessage;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything HQ sends down, by kind: master data goes to {@link MasterDataHandler}; orders ({@code order}) to the
 * floor's {@link OrderStore}; cancellations ({@code order-cancelled}) remove an order nobody has started on, and
 * an order already released to picking goes to the supervisor's conflict list instead (the floor's work stands
 * until a supervisor decides).
 *
 * <p>{@link OrderStore#receive} keeps its own transaction; it ignores an order id it already has, so a message
 * redelivered after a failure is applied once.
 */
public final class HqMessageHandler implements InboundHandler {

    private final MasterDataHandler masterData = new MasterDataHandler();
    private final OrderStore orders;
    private final InboundHandler driverActions;
    private final ObjectMapper json = new ObjectMapper();

    public HqMessageHandler(OrderStore orders) {
        this(orders, (tx, m) -> InboundOutcome.conflict("no-dispatch", "this node does not apply driver actions"));
    }

    /** @param driverActions applies {@code driver-action} messages: actions drivers sent to HQ's driver app */
    public HqMessageHandler(OrderStore orders, InboundHandler driverActions) {
        this.orders = orders;
        this.driverActions = driverActions;
    }

    @Override
    public InboundOutcome apply(Connection tx, InboundMessage message) throws SQLException {
        return switch (message.kind()) {
            case "order" -> order(message);
            case "order-cancelled" -> cancel(tx, message);
            case "driver-action" -> driverActions.apply(tx, message);
            default -> masterData.apply(tx, message);
        };
    }

    private InboundOutcome order(InboundMessage message) throws SQLException {
        Order order;
        try {
            JsonNode o = json.readTree(message.payload());
            List<Order.Line> lines = new ArrayList<>();
            for (JsonNode l : o.path("lines")) {
                lines.add(new Order.Line(l.path("sku").asText(null), l.path("quantity").asInt()));
            }
            order = new Order(o.path("orderId").asText(null), o.path("customer").asText(null),
                    o.path("route").asText(null), o.path("stopSequence").asInt(), Instant.parse(
                    o.path("plannedDeparture").asText("")), o.path("dockDoor").asText(null), lines);
        } catch (IOException | RuntimeException e) {
            return InboundOutcome.ignored("invalid", "order message cannot be read: " + e.getMessage());
        }
        try {
            return orders.receive(order) ? InboundOutcome.applied()
                    : InboundOutcome.ignored("duplicate", "order " + order.orderId() + " is already here");
        } catch (FloorException e) {
            return InboundOutcome.conflict("order-unknown-product", e.getMessage());
        }
    }

    private InboundOutcome cancel(Connection tx, InboundMessage message) throws SQLException {
        String orderId;
        try {
            orderId = json.readTree(message.payload()).path("orderId").asText("");
        } catch (IOException e) {
            return InboundOutcome.ignored("invalid", "order-cancelled message is not JSON: " + e.getMessage());
        }
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT status, wave_id FROM customer_order WHERE order_id = ?")) {
            ps.setString(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return InboundOutcome.ignored("unknown-order", "order " + orderId + " is not here");
                }
                if (!"NEW".equals(rs.getString(1)) || rs.getObject(2) != null) {
                    return InboundOutcome.conflict("cancelled-while-picking", "HQ cancelled order " + orderId
                            + " but it is already " + rs.getString(1) + " on the floor");
                }
            }
        }
        for (String sql : new String[]{"DELETE FROM order_line WHERE order_id = ?",
                "DELETE FROM customer_order WHERE order_id = ?"}) {
            try (PreparedStatement del = tx.prepareStatement(sql)) {
                del.setString(1, orderId);
                del.executeUpdate();
            }
        }
        return InboundOutcome.applied();
    }
}
