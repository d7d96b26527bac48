package dev.wedge.edge.inventory;

import dev.wedge.edge.floor.FloorError;
import dev.wedge.edge.floor.FloorException;
import dev.wedge.edge.floor.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The append-only stock ledger and the quantities derived from it. Every movement is one ledger row plus the
 * matching change of on-hand (and reserved) per product, lot and location, in the caller's transaction, so
 * the two never disagree. On-hand never goes below zero: a movement that would take more than is there is
 * refused and the caller rolls back.
 */
public final class StockLedger {

    /** One stock row as allocation sees it. */
    public record StockRow(String sku, String lot, LocalDate expiry, String location, int pickSequence,
                           int onHand, int reserved) {
        public int available() {
            return onHand - reserved;
        }
    }

    /** What one movement moves; {@code from} or {@code to} is null for stock entering or leaving the site. */
    public record Movement(String kind, String sku, String lot, int quantity, String from, String to, String sscc,
                           Long scanId) {
        public Movement {
            if (quantity <= 0) {
                throw new IllegalArgumentException("a " + kind + " movement of " + sku + " needs a positive quantity,"
                        + " got " + quantity);
            }
        }
    }

    /** Writes the ledger row and moves on-hand; {@code consumeReserved} also lowers the source's reservation. */
    public void move(Connection tx, Movement m, boolean consumeReserved, long outboxSeq, Instant at)
            throws SQLException, FloorException {
        if (m.from() != null) {
            take(tx, m.sku(), m.lot(), m.from(), m.quantity(), consumeReserved);
        }
        if (m.to() != null) {
            add(tx, m.sku(), m.lot(), m.to(), m.quantity());
        }
        Jdbc.update(tx, "INSERT INTO stock_movement (kind, sku, lot_number, quantity, from_location, to_location,"
                        + " sscc, scan_id, outbox_seq, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.kind(), m.sku(), m.lot(), m.quantity(), m.from(), m.to(), m.sscc(), m.scanId(), outboxSeq, at);
    }

    private void take(Connection tx, String sku, String lot, String location, int quantity, boolean reserved)
            throws SQLException, FloorException {
        int rows = Jdbc.update(tx, "UPDATE stock_on_hand SET quantity = quantity - ?, reserved = reserved - ?"
                        + " WHERE sku = ? AND lot_number = ? AND location = ? AND quantity >= ? AND reserved >= ?",
                quantity, reserved ? quantity : 0, sku, lot, location, quantity, reserved ? quantity : 0);
        if (rows == 0) {
            throw new FloorException(FloorError.QUANTITY_ABOVE_REMAINING, "only " + onHand(tx, sku, lot, location)
                    + " of " + sku + lotText(lot) + " are at " + location + ", not " + quantity);
        }
    }

    private void add(Connection tx, String sku, String lot, String location, int quantity) throws SQLException {
        if (Jdbc.update(tx, "UPDATE stock_on_hand SET quantity = quantity + ? WHERE sku = ? AND lot_number = ?"
                + " AND location = ?", quantity, sku, lot, location) == 0) {
            Jdbc.update(tx, "INSERT INTO stock_on_hand (sku, lot_number, location, quantity, reserved)"
                    + " VALUES (?, ?, ?, ?, 0)", sku, lot, location, quantity);
        }
    }

    /** Reserves available stock; false (and nothing changed) when less than {@code quantity} is available. */
    public boolean reserve(Connection tx, String sku, String lot, String location, int quantity) throws SQLException {
        return Jdbc.update(tx, "UPDATE stock_on_hand SET reserved = reserved + ? WHERE sku = ? AND lot_number = ?"
                + " AND location = ? AND quantity - reserved >= ?", quantity, sku, lot, location, quantity) == 1;
    }

    /** Gives back a reservation that will not be picked. */
    public void release(Connection tx, String sku, String lot, String location, int quantity) throws SQLException {
        Jdbc.update(tx, "UPDATE stock_on_hand SET reserved = CASE WHEN reserved >= ? THEN reserved - ? ELSE 0 END"
                + " WHERE sku = ? AND lot_number = ? AND location = ?", quantity, quantity, sku, lot, location);
    }

    public int onHand(Connection c, String sku, String lot, String location) throws SQLException {
        return (int) Jdbc.count(c, "SELECT COALESCE(SUM(quantity), 0) FROM stock_on_hand WHERE sku = ?"
                + " AND lot_number = ? AND location = ?", sku, lot, location);
    }

    /**
     * Stock of a product in unlocked pick locations with something available, first expiring first (lots
     * without expiry last), then by pick sequence. Expired lots ({@code expiry < today}) are left out.
     */
    public List<StockRow> allocatable(Connection c, String sku, LocalDate today) throws SQLException {
        return Jdbc.list(c, "SELECT s.sku, s.lot_number, l.expiry, s.location, loc.pick_sequence, s.quantity,"
                        + " s.reserved FROM stock_on_hand s JOIN location loc ON loc.code = s.location"
                        + " LEFT JOIN lot l ON l.sku = s.sku AND l.lot_number = s.lot_number"
                        + " WHERE s.sku = ? AND loc.kind = 'PICK' AND loc.locked = FALSE"
                        + " AND s.quantity - s.reserved > 0 AND (l.expiry IS NULL OR l.expiry >= ?)"
                        + " ORDER BY CASE WHEN l.expiry IS NULL THEN 1 ELSE 0 END, l.expiry, loc.pick_sequence,"
                        + " s.location", StockLedger::row, sku, today);
    }

    /** Every stock row with its lot's expiry, for the supervisor view. */
    public List<StockRow> all(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT s.sku, s.lot_number, l.expiry, s.location, loc.pick_sequence, s.quantity,"
                + " s.reserved FROM stock_on_hand s JOIN location loc ON loc.code = s.location"
                + " LEFT JOIN lot l ON l.sku = s.sku AND l.lot_number = s.lot_number"
                + " WHERE s.quantity > 0 ORDER BY s.sku, s.location, s.lot_number", StockLedger::row);
    }

    private static StockRow row(java.sql.ResultSet rs) throws SQLException {
        return new StockRow(rs.getString(1), rs.getString(2), Jdbc.date(rs, "expiry"), rs.getString(4),
                rs.getInt(5), rs.getInt(6), rs.getInt(7));
    }

    static String lotText(String lot) {
        return lot.isEmpty() ? "" : " lot " + lot;
    }
}
