package dev.wedge.edge.picking;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.floor.FloorException;
import dev.wedge.edge.floor.Jdbc;
import dev.wedge.edge.floor.Transactions;
import dev.wedge.edge.inventory.StockLedger;
import dev.wedge.sync.edge.JdbcOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds waves from new orders: one wave per planned departure, route and dock door, each order in its own
 * tote (batch picking), every line allocated first-expiring-first. Expired stock is never allocated; a line
 * that cannot be covered is allocated as far as stock goes and the rest becomes a backorder follow-up.
 * Each wave is one transaction with its outbox record.
 */
public final class WavePlanner {

    /** A wave that was built. */
    public record PlannedWave(long waveId, String route, String dockDoor, Instant plannedDeparture,
                              List<String> orders, int tasks, int backordered) {
    }

    private record Group(Instant departure, String route, String dockDoor) {
    }

    private final Transactions tx;
    private final JdbcOutbox outbox;
    private final Clock clock;
    private final StockLedger ledger = new StockLedger();
    private final ObjectMapper json = new ObjectMapper();

    public WavePlanner(Transactions tx, JdbcOutbox outbox, Clock clock) {
        this.tx = tx;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Builds a wave for every group of NEW orders, earliest departure first. */
    public List<PlannedWave> planWaves() throws SQLException, FloorException {
        List<Group> groups = tx.read(c -> Jdbc.list(c, "SELECT DISTINCT planned_departure, route, dock_door"
                + " FROM customer_order WHERE status = 'NEW' ORDER BY planned_departure, route, dock_door",
                rs -> new Group(Jdbc.instant(rs, "planned_departure"), rs.getString(2), rs.getString(3))));
        List<PlannedWave> waves = new ArrayList<>();
        for (Group g : groups) {
            waves.add(tx.inTransaction(c -> build(c, g)));
        }
        return waves;
    }

    private PlannedWave build(Connection c, Group g) throws SQLException {
        Instant now = clock.instant();
        long waveId = Jdbc.insert(c, "INSERT INTO wave (route, dock_door, planned_departure, status, created_at)"
                + " VALUES (?, ?, ?, 'RELEASED', ?)", g.route(), g.dockDoor(), g.departure(), now);
        List<String> orders = Jdbc.list(c, "SELECT order_id FROM customer_order WHERE status = 'NEW'"
                + " AND planned_departure = ? AND route = ? AND dock_door = ? ORDER BY stop_sequence DESC, order_id",
                rs -> rs.getString(1), g.departure(), g.route(), g.dockDoor());
        ObjectNode record = json.createObjectNode();
        record.put("waveId", waveId);
        ArrayNode allocations = record.putArray("allocations");
        int tasks = 0;
        int backordered = 0;
        int toteNo = 1;
        for (String orderId : orders) {
            String tote = "T" + waveId + "-" + toteNo++;
            Jdbc.update(c, "UPDATE customer_order SET status = 'RELEASED', wave_id = ?, tote = ? WHERE order_id = ?",
                    waveId, tote, orderId);
            for (int[] line : lines(c, orderId)) {
                String sku = sku(c, orderId, line[0]);
                int missing = allocate(c, waveId, orderId, line[0], sku, line[1], tote, allocations);
                if (missing > 0) {
                    backordered += missing;
                    Jdbc.update(c, "INSERT INTO follow_up (kind, order_id, sku, quantity, reason, reported_by,"
                            + " created_at) VALUES ('BACKORDER', ?, ?, ?, 'NO_STOCK', 'allocation', ?)",
                            orderId, sku, missing, now);
                }
            }
        }
        tasks = allocations.size();
        Jdbc.update(c, "UPDATE wave SET task_count = ? WHERE wave_id = ?", tasks, waveId);
        record.put("backordered", backordered);
        record.put("occurredAt", now.toString());
        outbox.append(c, "wave", record.toString());
        return new PlannedWave(waveId, g.route(), g.dockDoor(), g.departure(), orders, tasks, backordered);
    }

    /** Allocates one line FEFO and creates its pick tasks; returns how many eaches could not be allocated. */
    private int allocate(Connection c, long waveId, String orderId, int lineNo, String sku, int quantity,
                         String tote, ArrayNode allocations) throws SQLException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int left = quantity;
        for (StockLedger.StockRow row : ledger.allocatable(c, sku, today)) {
            if (left == 0) {
                break;
            }
            int take = Math.min(left, row.available());
            if (!ledger.reserve(c, sku, row.lot(), row.location(), take)) {
                continue;
            }
            Jdbc.update(c, "INSERT INTO pick_task (wave_id, order_id, line_no, sku, lot_number, location,"
                            + " pick_sequence, tote, quantity, step, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " 'LOCATION', 'OPEN')", waveId, orderId, lineNo, sku, row.lot(), row.location(),
                    row.pickSequence(), tote, take);
            ObjectNode a = allocations.addObject();
            a.put("orderId", orderId);
            a.put("line", lineNo);
            a.put("sku", sku);
            a.put("lot", row.lot());
            a.put("location", row.location());
            a.put("quantity", take);
            left -= take;
        }
        Jdbc.update(c, "UPDATE order_line SET allocated = ? WHERE order_id = ? AND line_no = ?", quantity - left,
                orderId, lineNo);
        return left;
    }

    private static List<int[]> lines(Connection c, String orderId) throws SQLException {
        return Jdbc.list(c, "SELECT line_no, quantity FROM order_line WHERE order_id = ? ORDER BY line_no",
                rs -> new int[]{rs.getInt(1), rs.getInt(2)}, orderId);
    }

    private static String sku(Connection c, String orderId, int lineNo) throws SQLException {
        return Jdbc.one(c, "SELECT sku FROM order_line WHERE order_id = ? AND line_no = ?", rs -> rs.getString(1),
                orderId, lineNo).orElseThrow();
    }
}
