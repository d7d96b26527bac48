package dev.wedge.edge.inventory;

import dev.wedge.edge.floor.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Products, their GTINs per packaging level, lots and locations: master data that comes from HQ (seeded
 * locally in tests and the demo). Every method works in the caller's connection.
 */
public final class Catalog {

    /** A product and the packaging level one of its GTINs stands for. */
    public record GtinLevel(String sku, String description, String gtin, String packaging, int packQuantity,
                            boolean serialised) {
    }

    /** A location's layout and state. */
    public record Location(String code, String kind, String zone, String aisle, String bay, String level,
                           String bin, int pickSequence, int capacity, boolean locked) {
    }

    /** Resolves a scanned GTIN: a packaging level first, else the product's base GTIN counting one each. */
    public Optional<GtinLevel> byGtin(Connection c, String gtin) throws SQLException {
        Optional<GtinLevel> level = Jdbc.one(c, "SELECT p.sku, p.description, g.gtin, g.packaging, g.pack_quantity,"
                        + " p.serialised FROM product_gtin g JOIN product p ON p.sku = g.sku WHERE g.gtin = ?",
                rs -> new GtinLevel(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getBoolean(6)), gtin);
        if (level.isPresent()) {
            return level;
        }
        return Jdbc.one(c, "SELECT sku, description, gtin, serialised FROM product WHERE gtin = ?",
                rs -> new GtinLevel(rs.getString(1), rs.getString(2), rs.getString(3), "EACH", 1, rs.getBoolean(4)),
                gtin);
    }

    public Optional<String> description(Connection c, String sku) throws SQLException {
        return Jdbc.one(c, "SELECT description FROM product WHERE sku = ?", rs -> rs.getString(1), sku);
    }

    public Optional<String> baseGtin(Connection c, String sku) throws SQLException {
        return Jdbc.one(c, "SELECT gtin FROM product WHERE sku = ?", rs -> rs.getString(1), sku);
    }

    /** A lot's expiry: empty when the lot has none or is unknown. */
    public Optional<LocalDate> expiry(Connection c, String sku, String lot) throws SQLException {
        return Jdbc.one(c, "SELECT expiry FROM lot WHERE sku = ? AND lot_number = ?",
                rs -> Jdbc.date(rs, "expiry"), sku, lot).flatMap(Optional::ofNullable);
    }

    public Optional<Location> location(Connection c, String code) throws SQLException {
        return Jdbc.one(c, "SELECT code, kind, loc_zone, aisle, bay, loc_level, bin, pick_sequence, capacity, locked"
                + " FROM location WHERE code = ?", Catalog::location, code);
    }

    static Location location(java.sql.ResultSet rs) throws SQLException {
        return new Location(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getBoolean(10));
    }

    // ---- master data writes (HQ's master data feed, tests and the demo) ----

    /** Adds a product with its base (each) GTIN. */
    public void addProduct(Connection c, String sku, String gtin, String description, boolean serialised)
            throws SQLException {
        Jdbc.update(c, "INSERT INTO product (sku, gtin, description, serialised) VALUES (?, ?, ?, ?)",
                sku, gtin, description, serialised);
        Jdbc.update(c, "INSERT INTO product_gtin (gtin, sku, packaging, pack_quantity) VALUES (?, ?, 'EACH', 1)",
                gtin, sku);
    }

    /** Adds a GTIN for a packaging level above the each. */
    public void addPackaging(Connection c, String sku, String gtin, String packaging, int packQuantity)
            throws SQLException {
        Jdbc.update(c, "INSERT INTO product_gtin (gtin, sku, packaging, pack_quantity) VALUES (?, ?, ?, ?)",
                gtin, sku, packaging, packQuantity);
    }

    /** Adds a storage location; its code is zone-aisle-bay-level-bin joined by dashes when not given. */
    public void addLocation(Connection c, Location l) throws SQLException {
        Jdbc.update(c, "INSERT INTO location (code, kind, description, loc_zone, aisle, bay, loc_level, bin,"
                        + " pick_sequence, capacity, locked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                l.code(), l.kind(), "Zone " + l.zone() + ", aisle " + l.aisle() + ", bay " + l.bay() + ", level "
                        + l.level() + ", bin " + l.bin(), l.zone(), l.aisle(), l.bay(), l.level(), l.bin(),
                l.pickSequence(), l.capacity(), l.locked());
    }

    public void addLot(Connection c, String sku, String lot, LocalDate expiry) throws SQLException {
        if (Jdbc.count(c, "SELECT COUNT(*) FROM lot WHERE sku = ? AND lot_number = ?", sku, lot) == 0) {
            Jdbc.update(c, "INSERT INTO lot (sku, lot_number, expiry) VALUES (?, ?, ?)", sku, lot, expiry);
        }
    }

    public void addSerial(Connection c, String sku, String serial, String lot, String location) throws SQLException {
        Jdbc.update(c, "INSERT INTO serial_number (sku, serial, lot_number, location, status)"
                + " VALUES (?, ?, ?, ?, 'IN_STOCK')", sku, serial, lot, location);
    }

    public void setLocked(Connection c, String code, boolean locked, String reason) throws SQLException {
        Jdbc.update(c, "UPDATE location SET locked = ?, lock_reason = ? WHERE code = ?", locked,
                locked ? reason : null, code);
    }
}
