package dev.wedge.edge.picking;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.floor.FloorError;
import dev.wedge.edge.floor.FloorException;
import dev.wedge.edge.floor.Jdbc;
import dev.wedge.edge.floor.Transactions;
import dev.wedge.sync.edge.JdbcOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * Orders on the edge node. HQ's orders arrive through the sync inbox, which calls {@link #receive}; tests and
 * the demo call it directly. Receiving the same order id again is ignored, so an inbox that redelivers is safe.
 */
public final class OrderStore {

    /** An order's state as the supervisor sees it. */
    public record OrderSummary(String orderId, String customer, String route, int stopSequence, String dockDoor,
                               String status, Long waveId, String tote, int lines, int quantity, int picked,
                               int packed) {
    }

    private final Transactions tx;
    private final JdbcOutbox outbox;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public OrderStore(Transactions tx, JdbcOutbox outbox, Clock clock) {
        this.tx = tx;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Stores a new order (status NEW, waiting for a wave).
     *
     * @return false when an order with this id is already known (nothing changed)
     * @throws FloorException {@code NOT_FOUND} when a line names an unknown SKU (nothing stored)
     */
    public boolean receive(Order order) throws SQLException, FloorException {
        return tx.inTransaction(c -> {
            if (Jdbc.count(c, "SELECT COUNT(*) FROM customer_order WHERE order_id = ?", order.orderId()) > 0) {
                return false;
            }
            Jdbc.update(c, "INSERT INTO customer_order (order_id, customer, route, stop_sequence, planned_departure,"
                            + " dock_door, status, received_at) VALUES (?, ?, ?, ?, ?, ?, 'NEW', ?)", order.orderId(),
                    order.customer(), order.route(), order.stopSequence(), order.plannedDeparture(),
                    order.dockDoor(), clock.instant());
            int lineNo = 1;
            for (Order.Line line : order.lines()) {
                if (Jdbc.count(c, "SELECT COUNT(*) FROM product WHERE sku = ?", line.sku()) == 0) {
                    throw new FloorException(FloorError.NOT_FOUND, "order " + order.orderId() + " line " + lineNo
                            + " names SKU " + line.sku() + ", which is not a known product");
                }
                Jdbc.update(c, "INSERT INTO order_line (order_id, line_no, sku, quantity) VALUES (?, ?, ?, ?)",
                        order.orderId(), lineNo++, line.sku(), line.quantity());
            }
            ObjectNode r = json.createObjectNode();
            r.put("orderId", order.orderId());
            r.put("lines", order.lines().size());
            r.put("occurredAt", clock.instant().toString());
            outbox.append(c, "order-received", r.toString());
            return true;
        });
    }

    public List<OrderSummary> list() throws SQLException, FloorException {
        return tx.read(c -> Jdbc.list(c, "SELECT o.order_id, o.customer, o.route, o.stop_sequence, o.dock_door,"
                + " o.status, o.wave_id, o.tote, COUNT(*), SUM(l.quantity), SUM(l.picked), SUM(l.packed)"
                + " FROM customer_order o JOIN order_line l ON l.order_id = o.order_id"
                + " GROUP BY o.order_id, o.customer, o.route, o.stop_sequence, o.dock_door, o.status, o.wave_id,"
                + " o.tote ORDER BY o.order_id", rs -> new OrderSummary(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                rs.getObject(7) == null ? null : rs.getLong(7), rs.getString(8), rs.getInt(9), rs.getInt(10),
                rs.getInt(11), rs.getInt(12))));
    }
}
