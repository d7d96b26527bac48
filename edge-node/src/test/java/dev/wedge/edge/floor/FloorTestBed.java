package dev.wedge.edge.floor;

import dev.wedge.edge.app.FloorServices;
import dev.wedge.edge.auth.PinHasher;
import dev.wedge.edge.db.EdgeDatabase;
import dev.wedge.edge.demo.HandheldSample;
import dev.wedge.edge.labels.UnstartedLabelJobs;
import dev.wedge.edge.packing.PackService;
import dev.wedge.scanner.ScanEvent;
import dev.wedge.sync.edge.JdbcOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fresh in-memory edge database with the handheld sample warehouse and every floor service over it. */
public final class FloorTestBed implements AutoCloseable {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC);
    public static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    public final EdgeDatabase db;
    public final FloorServices floor;
    public final List<Long> printed = new CopyOnWriteArrayList<>();

    public FloorTestBed() throws Exception {
        db = new EdgeDatabase("jdbc:derby:memory:floor-" + UUID.randomUUID() + ";create=true");
        db.migrate();
        JdbcOutbox outbox = new JdbcOutbox("WH-T", CLOCK);
        floor = FloorServices.create(db, outbox, UnstartedLabelJobs.forDock1(db, CLOCK), printed::add,
                new FloorServices.Settings("RECEIVING", "PACKING",
                        new PackService.Settings(3, "0614141", "dock-1", "Wedge DC")),
                new PinHasher(1_000), CLOCK);
        HandheldSample.seed(floor.tx(), outbox, TODAY);
    }

    public static ScanEvent scan(String data) {
        return ScanEvent.fromFrame("hh-1", data, CLOCK.instant());
    }

    public long count(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection()) {
            return Jdbc.count(c, sql, params);
        }
    }

    public int onHand(String sku, String lot, String location) throws SQLException {
        return (int) count("SELECT COALESCE(SUM(quantity), 0) FROM stock_on_hand WHERE sku = ? AND lot_number = ?"
                + " AND location = ?", sku, lot, location);
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
