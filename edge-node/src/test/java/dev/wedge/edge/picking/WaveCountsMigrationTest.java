package dev.wedge.edge.picking;

import static dev.wedge.edge.demo.HandheldSample.*;
import static dev.wedge.edge.floor.FloorTestBed.CLOCK;
import static dev.wedge.edge.floor.FloorTestBed.TODAY;
import static dev.wedge.edge.floor.FloorTestBed.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wedge.edge.app.FloorServices;
import dev.wedge.edge.auth.PinHasher;
import dev.wedge.edge.db.EdgeDatabase;
import dev.wedge.edge.floor.Jdbc;
import dev.wedge.edge.inventory.StockLedger;
import dev.wedge.edge.labels.UnstartedLabelJobs;
import dev.wedge.edge.packing.PackService;
import dev.wedge.sync.edge.JdbcOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An edge node that ran picking schema V3 has waves in every state when it is upgraded: V4 must give each wave
 * the task and closed counts its tasks have, and picking must carry on from there.
 */
class WaveCountsMigrationTest {

    private EdgeDatabase db;
    private FloorServices floor;
    private long released;
    private long picking;
    private long picked;
    private long empty;
    private long openTaskOfPicking;
    private long firstTaskOfReleased;

    @BeforeEach
    void aV3DatabaseWithWavesInMixedStates() throws Exception {
        db = new EdgeDatabase("jdbc:derby:memory:wave-v3-" + UUID.randomUUID() + ";create=true");
        for (String folder : EdgeDatabase.SCHEMA_FOLDERS) {
            var flyway = Flyway.configure().dataSource(db).locations("classpath:db/" + folder)
                    .table("flyway_" + folder.replace('-', '_')).baselineOnMigrate(true).baselineVersion("0");
            if (folder.equals("picking")) {
                flyway.target("3");
            }
            flyway.load().migrate();
        }
        JdbcOutbox outbox = new JdbcOutbox("WH-T", CLOCK);
        floor = FloorServices.create(db, outbox, UnstartedLabelJobs.forDock1(db, CLOCK), id -> { },
                new FloorServices.Settings("RECEIVING", "PACKING",
                        new PackService.Settings(3, "0614141", "dock-1", "Wedge DC")),
                new PinHasher(1_000), CLOCK);
        seed(floor.tx(), outbox, TODAY);
        seedOrders(floor.orders());
        floor.orders().receive(new Order("SO-2001", "Kiosk", "R2", 1, DEPARTURE, "DOCK-2",
                List.of(new Order.Line(YOGHURT, 2), new Order.Line(SOAP, 1))));
        try (Connection c = db.getConnection()) {
            // As the V3 planner and pickers left them: nothing picked yet, a wave half done, a wave finished,
            // and a wave whose only order could not be allocated at all.
            released = wave(c, "RELEASED", "SO-1001");
            firstTaskOfReleased = task(c, released, "SO-1001", 1, YOGHURT, LOT_SOON, LOC_YOGHURT, 4, 0, "OPEN");
            task(c, released, "SO-1001", 2, SOAP, "", LOC_SOAP, 2, 0, "OPEN");
            picking = wave(c, "PICKING", "SO-1002", "SO-1003");
            task(c, picking, "SO-1002", 1, WATER, "", LOC_WATER, 6, 6, "DONE");
            openTaskOfPicking = task(c, picking, "SO-1002", 2, YOGHURT, LOT_SOON, LOC_YOGHURT, 3, 1, "OPEN");
            task(c, picking, "SO-1003", 1, WATER, "", LOC_WATER, 4, 0, "SHORT");
            task(c, picking, "SO-1003", 2, SOAP, "", LOC_SOAP, 5, 5, "DONE");
            picked = wave(c, "PICKED", "SO-2001");
            task(c, picked, "SO-2001", 1, YOGHURT, LOT_SOON, LOC_YOGHURT, 2, 2, "DONE");
            task(c, picked, "SO-2001", 2, SOAP, "", LOC_SOAP, 1, 0, "SHORT");
            empty = wave(c, "RELEASED");
        }
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void theUpgradeCountsEachWavesTasksAndClosedTasksAsTheyAre() throws Exception {
        db.migrate();

        assertThat(counts(released)).containsExactly(2, 0);
        assertThat(counts(picking)).containsExactly(4, 3);
        assertThat(counts(picked)).containsExactly(2, 2);
        assertThat(counts(empty)).containsExactly(0, 0);
    }

    @Test
    void pickingCarriesOnFromTheUpgradedCounts() throws Exception {
        db.migrate();
        PickService service = floor.picking();

        service.scan(openTaskOfPicking, "p1", scan(LOC_YOGHURT));
        service.scan(openTaskOfPicking, "p1", scan(YOGHURT_EACH));
        PickService.ScanAccepted last = service.scan(openTaskOfPicking, "p1", scan("2"));

        assertThat(last.task().waveDone()).isEqualTo(4);
        assertThat(last.task().waveTasks()).isEqualTo(4);
        assertThat(last.next()).isEmpty();
        assertThat(status("wave", "wave_id", picking)).isEqualTo("PICKED");
        assertThat(status("customer_order", "order_id", "SO-1002")).isEqualTo("PICKED");

        PickService.ScanAccepted shorted = service.shortPick(firstTaskOfReleased, "p1", ShortReason.DAMAGED);
        assertThat(shorted.task().waveDone()).isEqualTo(1);
        assertThat(shorted.next().orElseThrow().waveTasks()).isEqualTo(2);
        assertThat(status("wave", "wave_id", released)).isEqualTo("PICKING");
    }

    private long wave(Connection c, String status, String... orders) throws SQLException {
        long id = Jdbc.insert(c, "INSERT INTO wave (route, dock_door, planned_departure, status, created_at)"
                + " VALUES ('R1', 'DOCK-1', ?, ?, ?)", DEPARTURE, status, CLOCK.instant());
        for (String order : orders) {
            Jdbc.update(c, "UPDATE customer_order SET status = ?, wave_id = ?, tote = ? WHERE order_id = ?",
                    "PICKED".equals(status) ? "PICKED" : "RELEASED", id, "T" + id + "-" + order, order);
        }
        return id;
    }

    private static long task(Connection c, long wave, String order, int line, String sku, String lot,
                             String location, int quantity, int picked, String status) throws SQLException {
        if ("OPEN".equals(status)) {
            new StockLedger().reserve(c, sku, lot, location, quantity - picked);
        }
        return Jdbc.insert(c, "INSERT INTO pick_task (wave_id, order_id, line_no, sku, lot_number, location,"
                        + " pick_sequence, tote, quantity, picked, step, status) VALUES (?, ?, ?, ?, ?, ?, 10, ?, ?, ?,"
                        + " ?, ?)", wave, order, line, sku, lot, location, "T" + wave + "-" + order, quantity, picked,
                "OPEN".equals(status) ? (picked > 0 ? "ITEM" : "LOCATION") : "DONE", status);
    }

    private int[] counts(long wave) throws SQLException {
        try (Connection c = db.getConnection()) {
            return Jdbc.one(c, "SELECT task_count, closed_count FROM wave WHERE wave_id = ?",
                    rs -> new int[]{rs.getInt(1), rs.getInt(2)}, wave).orElseThrow();
        }
    }

    private String status(String table, String key, Object id) throws SQLException {
        try (Connection c = db.getConnection()) {
            return Jdbc.one(c, "SELECT status FROM " + table + " WHERE " + key + " = ?", rs -> rs.getString(1), id)
                    .orElseThrow();
        }
    }
}
