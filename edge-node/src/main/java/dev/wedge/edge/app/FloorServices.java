package dev.wedge.edge.app;

import dev.wedge.edge.auth.PinHasher;
import dev.wedge.edge.auth.UserStore;
import dev.wedge.edge.floor.FloorException;
import dev.wedge.edge.floor.Jdbc;
import dev.wedge.edge.floor.ScanLog;
import dev.wedge.edge.floor.Transactions;
import dev.wedge.edge.inbound.InboundService;
import dev.wedge.edge.inventory.CycleCounts;
import dev.wedge.edge.labels.LabelJobs;
import dev.wedge.edge.loading.LoadingService;
import dev.wedge.edge.packing.PackService;
import dev.wedge.edge.picking.OrderStore;
import dev.wedge.edge.picking.PickService;
import dev.wedge.edge.picking.WavePlanner;
import dev.wedge.sync.edge.JdbcOutbox;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * The floor's domain services over one edge database, built together so they share one outbox, one scan log
 * and one clock: orders, waves, picking, packing, loading, inbound, counts and user accounts.
 *
 * @param printer receives the id of every label job packing queued, after its transaction committed
 */
public record FloorServices(Transactions tx, ScanLog scans, OrderStore orders, WavePlanner waves, PickService picking,
                            PackService packing, LoadingService loading, InboundService inbound, CycleCounts counts,
                            UserStore users, Settings settings) {

    /** Where stock is booked on its way through the site and how packing numbers and prints its units. */
    public record Settings(String receivingLocation, String packingLocation, PackService.Settings packing) {
    }

    public static FloorServices create(DataSource db, JdbcOutbox outbox, LabelJobs labels, LongConsumer printer,
                                       Settings settings, PinHasher hasher, Clock clock) throws SQLException {
        Transactions tx = new Transactions(db);
        ScanLog scans = new ScanLog(db);
        try {
            tx.inTransaction(c -> {
                ensureLocation(c, settings.receivingLocation(), "RECEIVING", "Receiving area");
                ensureLocation(c, settings.packingLocation(), "STAGING", "Packing area: picked, not yet loaded");
                return null;
            });
        } catch (FloorException e) {
            throw new IllegalStateException("cannot create the receiving and packing locations", e);
        }
        return new FloorServices(tx, scans, new OrderStore(tx, outbox, clock), new WavePlanner(tx, outbox, clock),
                new PickService(tx, outbox, scans, clock, settings.packingLocation()),
                new PackService(tx, outbox, scans, labels, printer, settings.packing(), clock),
                new LoadingService(tx, outbox, scans, clock, settings.packingLocation()),
                new InboundService(tx, outbox, scans, clock, settings.receivingLocation()),
                new CycleCounts(tx, outbox, clock), new UserStore(tx, hasher, clock), settings);
    }

    private static void ensureLocation(java.sql.Connection c, String code, String kind, String description)
            throws SQLException {
        if (Jdbc.count(c, "SELECT COUNT(*) FROM location WHERE code = ?", code) == 0) {
            Jdbc.update(c, "INSERT INTO location (code, kind, description) VALUES (?, ?, ?)", code, kind, description);
        }
    }
}
