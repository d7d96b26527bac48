package dev.wedge.edge.demo;

import dev.wedge.edge.floor.FloorException;
import dev.wedge.edge.floor.Transactions;
import dev.wedge.edge.inventory.Catalog;
import dev.wedge.edge.inventory.StockLedger;
import dev.wedge.edge.loading.LoadingService;
import dev.wedge.edge.picking.Order;
import dev.wedge.edge.picking.OrderStore;
import dev.wedge.scanner.gs1.CheckDigit;
import dev.wedge.sync.edge.JdbcOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A small picking warehouse for the handheld demo and its tests: four products (one sold by the case, one
 * serialised), pick locations in zone B with pick sequences, lots with expiry (one already expired), opening
 * stock, three orders for route R1 leaving from door DOCK-1, and the trucks for routes R1 and R2. In a
 * deployment products and orders come from HQ.
 */
public final class HandheldSample {

    public static final String YOGHURT = "YOG-S";
    public static final String WATER = "WATER-6";
    public static final String SOAP = "SOAP-250";
    public static final String CHARGER = "CHARGER-U";
    public static final String YOGHURT_EACH = gtin("0950110153001");
    public static final String YOGHURT_CASE = gtin("1950110153001");
    public static final String WATER_EACH = gtin("0950110153002");
    public static final String WATER_CASE = gtin("1950110153002");
    public static final String SOAP_EACH = gtin("0950110153003");
    public static final String CHARGER_EACH = gtin("0950110153004");
    /** Yoghurt lots: the expired one stays in the pick face beside the good one. */
    public static final String LOT_EXPIRED = "Y-EXP";
    public static final String LOT_SOON = "Y-A";
    public static final String LOT_LATER = "Y-B";
    public static final String LOC_YOGHURT = "B-01-01-1";
    public static final String LOC_WATER = "B-01-02-1";
    public static final String LOC_YOGHURT_RESERVE = "B-02-01-1";
    public static final String LOC_SOAP = "B-02-02-1";
    public static final String LOC_CHARGER = "C-01-01-1";
    public static final String LOC_EMPTY = "C-01-02-1";
    public static final Instant DEPARTURE = Instant.parse("2026-12-03T14:00:00Z");

    private HandheldSample() {
    }

    /** Products, locations, lots and opening stock; {@code today} sets which lot has expired. */
    public static void seed(Transactions tx, JdbcOutbox outbox, LocalDate today) throws SQLException, FloorException {
        Catalog catalog = new Catalog();
        tx.inTransaction(c -> {
            catalog.addProduct(c, YOGHURT, YOGHURT_EACH, "Strawberry yoghurt 150 g", false);
            catalog.addPackaging(c, YOGHURT, YOGHURT_CASE, "CASE", 12);
            catalog.addProduct(c, WATER, WATER_EACH, "Still water 1.5 l", false);
            catalog.addPackaging(c, WATER, WATER_CASE, "CASE", 6);
            catalog.addProduct(c, SOAP, SOAP_EACH, "Hand soap 250 ml", false);
            catalog.addProduct(c, CHARGER, CHARGER_EACH, "USB charger 20 W", true);
            int seq = 10;
            for (String code : List.of(LOC_YOGHURT, LOC_WATER, LOC_YOGHURT_RESERVE, LOC_SOAP, LOC_CHARGER, LOC_EMPTY)) {
                String[] p = code.split("-");
                catalog.addLocation(c, new Catalog.Location(code, "PICK", p[0], p[1], p[2], p[3], "1", seq, 500,
                        false));
                seq += 10;
            }
            catalog.addLot(c, YOGHURT, LOT_EXPIRED, today.minusDays(2));
            catalog.addLot(c, YOGHURT, LOT_SOON, today.plusDays(10));
            catalog.addLot(c, YOGHURT, LOT_LATER, today.plusDays(40));
            catalog.addLot(c, CHARGER, "C-1", null);
            Instant at = today.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            open(c, outbox, at, YOGHURT, LOT_EXPIRED, LOC_YOGHURT, 10);
            open(c, outbox, at, YOGHURT, LOT_SOON, LOC_YOGHURT, 30);
            open(c, outbox, at, YOGHURT, LOT_LATER, LOC_YOGHURT_RESERVE, 40);
            open(c, outbox, at, WATER, "", LOC_WATER, 60);
            open(c, outbox, at, SOAP, "", LOC_SOAP, 20);
            open(c, outbox, at, CHARGER, "C-1", LOC_CHARGER, 3);
            for (int i = 1; i <= 3; i++) {
                catalog.addSerial(c, CHARGER, "SN100" + i, "C-1", LOC_CHARGER);
            }
            return null;
        });
    }

    private static void open(Connection c, JdbcOutbox outbox, Instant at, String sku, String lot, String location, int qty)
            throws SQLException, FloorException {
        long seq = outbox.append(c, "movement", "{\"type\":\"OPENING\",\"sku\":\"" + sku + "\",\"lot\":\"" + lot
                + "\",\"location\":\"" + location + "\",\"quantity\":" + qty + "}").seq();
        new StockLedger().move(c, new StockLedger.Movement("OPENING", sku, lot, qty, null, location, null, null),
                false, seq, at);
    }

    /** The three orders of route R1 (stops 1 to 3). */
    public static List<Order> orders() {
        return List.of(
                new Order("SO-1001", "Corner Shop", "R1", 1, DEPARTURE, "DOCK-1",
                        List.of(new Order.Line(YOGHURT, 24), new Order.Line(SOAP, 2))),
                new Order("SO-1002", "Cafe Luna", "R1", 2, DEPARTURE, "DOCK-1",
                        List.of(new Order.Line(WATER, 6), new Order.Line(YOGHURT, 3))),
                new Order("SO-1003", "Hotel Park", "R1", 3, DEPARTURE, "DOCK-1",
                        List.of(new Order.Line(WATER, 4), new Order.Line(SOAP, 5))));
    }

    public static void seedOrders(OrderStore orders) throws SQLException, FloorException {
        for (Order o : orders()) {
            orders.receive(o);
        }
    }

    public static void seedTrucks(LoadingService loading) throws SQLException, FloorException {
        loading.addTruck("TRUCK-1", "R1", "DOCK-1", DEPARTURE);
        loading.addTruck("TRUCK-2", "R2", "DOCK-2", DEPARTURE);
    }

    /** A GS1 element string for an item: GTIN, lot and (when given) expiry, with a GS after the lot. */
    public static String itemString(String gtin, String lot, LocalDate expiry) {
        StringBuilder sb = new StringBuilder("]C101").append(gtin);
        if (expiry != null) {
            sb.append("17").append(String.format("%02d%02d%02d", expiry.getYear() % 100, expiry.getMonthValue(),
                    expiry.getDayOfMonth()));
        }
        return sb.append("10").append(lot).toString();
    }

    static String gtin(String thirteen) {
        return thirteen + CheckDigit.compute(thirteen);
    }
}
