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
        try (PreparedStatement ps = tx.prepareStatement("SELECT sku, description FROM product WHERE gtin = ?")) {
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

    /** The lot's recorded expiry: empty optional inside when the lot exists without one; empty when unknown. */
    Optional<Optional<LocalDate>> lotExpiry(Connection tx, String sku, String lot) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("SELECT expiry FROM lot WHERE sku = ? AND lot_number = ?")) {
            ps.setString(1, sku);
            ps.setString(2, lot);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Date d = rs.getDate(1);
                return Optional.of(Optional.ofNullable(d).map(Date::toLocalDate));
            }
        }
    }

    void insertLot(Connection tx, String sku, String lot, Optional<LocalDate> expiry) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO lot (sku, lot_number, expiry) VALUES (?, ?, ?)")) {
            ps.setString(1, sku);
            ps.setString(2, lot);
            ps.setDate(3, expiry.map(Date::valueOf).orElse(null));
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
        }
    }

    void insertHandlingUnit(Connection tx, String sscc, String sku, String lot, int quantity, String location,
                            boolean generated, long scanId, Instant at) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO handling_unit (sscc, sku, lot_number, quantity,"
                + " location, sscc_source, scan_id, booked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, sscc);
            ps.setString(2, sku);
            ps.setString(3, lot);
            ps.setInt(4, quantity);
            ps.setString(5, location);
            ps.setString(6, generated ? "GENERATED" : "SCANNED");
            ps.setLong(7, scanId);
            ps.setTimestamp(8, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
