package dev.wedge.edge.conveyor;

import dev.wedge.edge.db.EdgeDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** An in-memory edge database with sortation data: destinations by barcode and SSCCs booked by receiving. */
public final class SortationFixtures {

    private SortationFixtures() {
    }

    public static EdgeDatabase database() {
        EdgeDatabase db = new EdgeDatabase("jdbc:derby:memory:conveyor-" + UUID.randomUUID() + ";create=true");
        db.migrate();
        return db;
    }

    public static void destination(EdgeDatabase db, String barcode, String route, String dockDoor, String carrier,
                                   String destination) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO conveyor_sort_destination (barcode, barcode_kind, route, dock_door, carrier, destination,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, barcode);
            ps.setString(2, barcode.matches("\\d{18}") ? "SSCC" : "SHIPMENT");
            ps.setString(3, route);
            ps.setString(4, dockDoor);
            ps.setString(5, carrier);
            ps.setString(6, destination);
            ps.setTimestamp(7, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
    }

    /** Books an SSCC the way receiving does (product, location, scan, handling unit). */
    public static void bookedSscc(EdgeDatabase db, String sscc) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO product (sku, gtin, description) SELECT 'SKU-1', '09506000134352', 'Test'"
                    + " FROM SYSIBM.SYSDUMMY1 WHERE NOT EXISTS (SELECT 1 FROM product WHERE sku = 'SKU-1')");
            st.executeUpdate("INSERT INTO location (code, kind, description) SELECT 'RECEIVING', 'RECEIVING', 'R'"
                    + " FROM SYSIBM.SYSDUMMY1 WHERE NOT EXISTS (SELECT 1 FROM location WHERE code = 'RECEIVING')");
            st.executeUpdate("INSERT INTO scan (scanner_id, symbology, data, received_at, outcome) VALUES"
                    + " ('recv-1', ']C1', '00" + sscc + "', CURRENT_TIMESTAMP, 'ACCEPTED')");
            st.executeUpdate("INSERT INTO handling_unit (sscc, sku, lot_number, quantity, location, sscc_source,"
                    + " scan_id, booked_at) VALUES ('" + sscc + "', 'SKU-1', '', 1, 'RECEIVING', 'SCANNED',"
                    + " IDENTITY_VAL_LOCAL(), CURRENT_TIMESTAMP)");
        }
    }
}
