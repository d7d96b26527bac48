package dev.wedge.edge.receiving;

import dev.wedge.scanner.ScanEvent;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The SQL of a receipt. Every method works inside the caller's transaction and neither commits nor rolls
 * back, so one receipt is one transaction however many tables it touches.
 */
final class JdbcReceivingStore {

    /** Derby's SQLState for a primary key or unique constraint violation. */
    static final String DUPLICATE_KEY = "23505";

    record Product(String sku, String description) {
    }

    long insertScan(Connection tx, ScanEvent scan, RejectionCode code, String reason) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO scan (scanner_id, symbology, data, received_at,"
                + " outcome, reason_code, reason) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, scan.scannerId());
            ps.setString(2, scan.symbology());
            ps.setString(3, truncate(scan.data(), 1000));
            ps.setTimestamp(4, Timestamp.from(scan.receivedAt()));
            ps.setString(5, code == null ? "ACCEPTED" : "REJECTED");
            ps.setString(6, code == null ? null : code.name());
            ps.setString(7, reason == null ? null : truncate(reason, 500));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    Optional<Product> productByGtin(Connection tx, String gtin) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT sku, description FROM product WHERE gtin = ? AND active")) {
            ps.setString(1, gtin);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Product(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /** The scan id that booked this SSCC, if it was booked. */
    Optional<Long> bookedBy(Connection tx, String sscc) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("SELECT scan_id FROM handling_unit WHERE sscc = ?")) {
            ps.setString(1, sscc);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    long nextSsccSerial(Connection tx) throws SQLException {
        try (Statement st = tx.createStatement(); ResultSet rs = st.executeQuery("VALUES NEXT VALUE FOR sscc_serial")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A lot's recorded dates. */
    record LotDates(Optional<LocalDate> expiry, Optional<LocalDate> bestBefore) {
    }

    Optional<LotDates> lotDates(Connection tx, String sku, String lot) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT expiry, best_before FROM lot WHERE sku = ? AND lot_number = ?")) {
            ps.setString(1, sku);
            ps.setString(2, lot);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LotDates(date(rs, 1), date(rs, 2)));
            }
        }
    }

    /**
     * Inserts a new lot.
     *
     * @return false when a concurrent receipt inserted the same lot first (its dates can then be read)
     */
    boolean insertLot(Connection tx, String sku, String lot, LotDates dates) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "INSERT INTO lot (sku, lot_number, expiry, best_before) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, sku);
            ps.setString(2, lot);
            ps.setDate(3, dates.expiry().map(Date::valueOf).orElse(null));
            ps.setDate(4, dates.bestBefore().map(Date::valueOf).orElse(null));
            return insertUnlessDuplicate(ps);
        }
    }

    /** Records dates for a lot that had none, leaving dates it already had alone. */
    void completeLotDates(Connection tx, String sku, String lot, LotDates dates) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("UPDATE lot SET expiry = COALESCE(expiry, ?),"
                + " best_before = COALESCE(best_before, ?) WHERE sku = ? AND lot_number = ?")) {
            ps.setDate(1, dates.expiry().map(Date::valueOf).orElse(null));
            ps.setDate(2, dates.bestBefore().map(Date::valueOf).orElse(null));
            ps.setString(3, sku);
            ps.setString(4, lot);
            ps.executeUpdate();
        }
    }

    void insertMovement(Connection tx, String sku, String lot, int quantity, String toLocation, String sscc,
                        long scanId, long outboxSeq, Instant at) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO stock_movement (kind, sku, lot_number, quantity,"
                + " from_location, to_location, sscc, scan_id, outbox_seq, occurred_at)"
                + " VALUES ('RECEIPT', ?, ?, ?, NULL, ?, ?, ?, ?, ?)")) {
            ps.setString(1, sku);
            ps.setString(2, lot);
            ps.setInt(3, quantity);
            ps.setString(4, toLocation);
            ps.setString(5, sscc);
            ps.setLong(6, scanId);
            ps.setLong(7, outboxSeq);
            ps.setTimestamp(8, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    void addOnHand(Connection tx, String sku, String lot, String location, int quantity) throws SQLException {
        try (PreparedStatement up = tx.prepareStatement("UPDATE stock_on_hand SET quantity = quantity + ?"
                + " WHERE sku = ? AND lot_number = ? AND location = ?")) {
            up.setInt(1, quantity);
            up.setString(2, sku);
            up.setString(3, lot);
            up.setString(4, location);
            if (up.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement in = tx.prepareStatement("INSERT INTO stock_on_hand (sku, lot_number, location, quantity)"
                + " VALUES (?, ?, ?, ?)")) {
            in.setString(1, sku);
            in.setString(2, lot);
            in.setString(3, location);
            in.setInt(4, quantity);
            in.executeUpdate();
        } catch (SQLException e) {
            if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
            // A concurrent receipt created the row between our update and insert: add to it.
            addOnHand(tx, sku, lot, location, quantity);
        }
    }

    /**
     * Books a logistic unit.
     *
     * @return false when the SSCC is already booked (by an earlier or a concurrent receipt)
     */
    boolean insertHandlingUnit(Connection tx, String sscc, String sku, ReceivedUnit unit, String location,
                               long scanId, Instant at) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO handling_unit (sscc, sku, lot_number, quantity,"
                + " location, sscc_source, scan_id, booked_at, expiry, best_before)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, sscc);
            ps.setString(2, sku);
            ps.setString(3, unit.lot());
            ps.setInt(4, unit.quantity());
            ps.setString(5, location);
            ps.setString(6, unit.sscc().isEmpty() ? "GENERATED" : "SCANNED");
            ps.setLong(7, scanId);
            ps.setTimestamp(8, Timestamp.from(at));
            ps.setDate(9, unit.expiry().map(Date::valueOf).orElse(null));
            ps.setDate(10, unit.bestBefore().map(Date::valueOf).orElse(null));
            return insertUnlessDuplicate(ps);
        }
    }

    /** Runs an insert; false when the key exists. Derby undoes only the failed statement, so the transaction goes on. */
    private static boolean insertUnlessDuplicate(PreparedStatement insert) throws SQLException {
        try {
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private static Optional<LocalDate> date(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable(rs.getDate(column)).map(Date::toLocalDate);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
