package dev.wedge.edge.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The demo's sample warehouse: a few products whose GTINs the sample scans carry, and its locations. In a
 * deployment this master data comes from HQ.
 */
public final class DemoWarehouse {

    static final String[][] PRODUCTS = {
            {"WIDGET-A", "12312312312333", "Widget A, carton of 12"},
            {"CRATE-B", "12345678901231", "Crate B, stackable"},
            {"BOLTS-C", "95012345678903", "Bolts C, 0.123 kg bag"},
    };

    static final String[][] LOCATIONS = {
            {"A-01-01", "PICK", "Aisle A, bay 1, level 1"},
            {"DOCK-1", "DOCK", "Dock door 1"},
    };

    private DemoWarehouse() {
    }

    /**
     * Publishes the sample products and locations at HQ for one warehouse, as HQ's order management would; the
     * edge node pulls them through inbound sync.
     */
    public static void publish(dev.wedge.sync.hq.HqStore hq, String warehouseId) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String[] row : PRODUCTS) {
            hq.publish(warehouseId, "product", row[0], json.createObjectNode().put("sku", row[0]).put("gtin", row[1])
                    .put("description", row[2]).toString());
        }
        for (String[] row : LOCATIONS) {
            hq.publish(warehouseId, "location", row[0], json.createObjectNode().put("code", row[0])
                    .put("kind", row[1]).put("description", row[2]).toString());
        }
    }

    /** The number of sample products, to tell when the edge has all of them. */
    public static int productCount() {
        return PRODUCTS.length;
    }

    /** Inserts the sample products and locations in one transaction (for tests that run without HQ). */
    public static void seed(DataSource db) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO product (sku, gtin, description) VALUES (?, ?, ?)");
                 PreparedStatement l = c.prepareStatement("INSERT INTO location (code, kind, description) VALUES (?, ?, ?)")) {
                for (String[] row : PRODUCTS) {
                    p.setString(1, row[0]);
                    p.setString(2, row[1]);
                    p.setString(3, row[2]);
                    p.addBatch();
                }
                p.executeBatch();
                for (String[] row : LOCATIONS) {
                    l.setString(1, row[0]);
                    l.setString(2, row[1]);
                    l.setString(3, row[2]);
                    l.addBatch();
                }
                l.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
