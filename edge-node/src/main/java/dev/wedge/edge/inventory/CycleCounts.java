package dev.wedge.edge.inventory;

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
import java.time.Instant;
import java.util.List;

/**
 * Cycle counts: a location is locked (nothing new is allocated from it) and each of its stock rows counted. A
 * first count that matches closes the count; one that differs asks for a recount, and the recount is booked as
 * the truth with a {@code COUNT} ledger movement for the difference. Every closed count writes a {@code count}
 * outbox record. When the last count of a location closes, the location is unlocked.
 */
public final class CycleCounts {

    /** One count line. */
    public record Count(long countId, String location, String sku, String lot, Integer firstCount,
                        Integer secondCount, String status) {
    }

    /** What a submitted count led to. */
    public record CountResult(Count count, String message) {
    }

    private final Transactions tx;
    private final JdbcOutbox outbox;
    private final Clock clock;
    private final StockLedger ledger = new StockLedger();
    private final Catalog catalog = new Catalog();
    private final ObjectMapper json = new ObjectMapper();

    public CycleCounts(Transactions tx, JdbcOutbox outbox, Clock clock) {
        this.tx = tx;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Opens a count for every stock row of a location and locks it. */
    public List<Count> start(String location) throws SQLException, FloorException {
        return tx.inTransaction(c -> {
            if (catalog.location(c, location).isEmpty()) {
                throw FloorException.notFound("location " + location);
            }
            if (Jdbc.count(c, "SELECT COUNT(*) FROM cycle_count WHERE location = ? AND status <> 'CLOSED'", location) > 0) {
                throw new FloorException(FloorError.CONFLICT, "location " + location + " is already being counted");
            }
            Jdbc.update(c, "INSERT INTO cycle_count (location, sku, lot_number, expected, status, created_at)"
                    + " SELECT location, sku, lot_number, quantity, 'OPEN', ? FROM stock_on_hand WHERE location = ?"
                    + " AND quantity > 0", clock.instant(), location);
            catalog.setLocked(c, location, true, "cycle count");
            return open(c, location);
        });
    }

    public List<Count> open() throws SQLException, FloorException {
        return tx.read(c -> open(c, null));
    }

    /** Submits what the counter found (never shows them the expected quantity, so the count is blind). */
    public CountResult submit(long countId, int counted, String counter) throws SQLException, FloorException {
        if (counted < 0) {
            throw FloorException.invalid("a count cannot be negative, got " + counted);
        }
        return tx.inTransaction(c -> {
            if (Jdbc.update(c, "UPDATE cycle_count SET status = status WHERE count_id = ?", countId) == 0) {
                throw FloorException.notFound("count " + countId);
            }
            Object[] row = Jdbc.one(c, "SELECT location, sku, lot_number, expected, status FROM cycle_count"
                    + " WHERE count_id = ?", rs -> new Object[]{rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getInt(4), rs.getString(5)}, countId).orElseThrow();
            String location = (String) row[0];
            String status = (String) row[4];
            if ("CLOSED".equals(status)) {
                throw new FloorException(FloorError.TASK_CLOSED, "count " + countId + " is already closed");
            }
            if ("OPEN".equals(status) && counted != (int) row[3]) {
                Jdbc.update(c, "UPDATE cycle_count SET first_count = ?, status = 'RECOUNT' WHERE count_id = ?",
                        counted, countId);
                return new CountResult(count(c, countId), "Count differs from the records: count " + row[1]
                        + " at " + location + " again.");
            }
            String column = "OPEN".equals(status) ? "first_count" : "second_count";
            Instant now = clock.instant();
            Jdbc.update(c, "UPDATE cycle_count SET " + column + " = ?, status = 'CLOSED', closed_at = ? WHERE"
                    + " count_id = ?", counted, now, countId);
            int diff = adjust(c, countId, location, (String) row[1], (String) row[2], counted, counter, now);
            if (Jdbc.count(c, "SELECT COUNT(*) FROM cycle_count WHERE location = ? AND status <> 'CLOSED'", location) == 0) {
                catalog.setLocked(c, location, false, null);
            }
            return new CountResult(count(c, countId), diff == 0 ? "Count confirmed." : "Recount booked: stock "
                    + (diff > 0 ? "+" : "") + diff + ".");
        });
    }

    private int adjust(Connection c, long countId, String location, String sku, String lot, int counted,
                       String counter, Instant now) throws SQLException, FloorException {
        int onHand = ledger.onHand(c, sku, lot, location);
        int diff = counted - onHand;
        ObjectNode r = json.createObjectNode().put("countId", countId).put("location", location).put("sku", sku)
                .put("lot", lot).put("counted", counted).put("onHandBefore", onHand).put("adjustment", diff)
                .put("counter", counter).put("occurredAt", now.toString());
        long seq = outbox.append(c, "count", r.toString()).seq();
        if (diff != 0) {
            ledger.move(c, new StockLedger.Movement("COUNT", sku, lot, Math.abs(diff), diff < 0 ? location : null,
                    diff > 0 ? location : null, null, null), false, seq, now);
        }
        return diff;
    }

    private static List<Count> open(Connection c, String location) throws SQLException {
        return Jdbc.list(c, "SELECT count_id, location, sku, lot_number, first_count, second_count, status"
                + " FROM cycle_count WHERE status <> 'CLOSED' AND (CAST(? AS VARCHAR(30)) IS NULL OR location = ?)"
                + " ORDER BY count_id", CycleCounts::map, location, location);
    }

    private static Count count(Connection c, long countId) throws SQLException {
        return Jdbc.one(c, "SELECT count_id, location, sku, lot_number, first_count, second_count, status"
                + " FROM cycle_count WHERE count_id = ?", CycleCounts::map, countId).orElseThrow();
    }

    private static Count map(java.sql.ResultSet rs) throws SQLException {
        return new Count(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                (Integer) rs.getObject(5), (Integer) rs.getObject(6), rs.getString(7));
    }
}
