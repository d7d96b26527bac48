package dev.wedge.edge.conveyor.decision;

import dev.wedge.edge.conveyor.Induction;
import dev.wedge.edge.conveyor.LaneRule;
import dev.wedge.edge.conveyor.PlcSettings;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the lane of each parcel of one sorter within its budget. The lookup runs on the decider's own thread
 * (which holds the database connection) and is waited for only as long as the budget allows: a database that is
 * slow or locked sends parcels to the default lane, recorded as {@link DecisionReason#OVER_BUDGET}, instead of
 * making the PLC wait. No-reads never touch the database.
 *
 * <p>Call {@link #decide} from one thread at a time (the sorter's notification thread).
 */
public final class SortDecider implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SortDecider.class);

    private final PlcSettings plc;
    private final DataSource db;
    private final ExecutorService lookups;
    private ParcelDirectory directory;

    public SortDecider(PlcSettings plc, DataSource db) {
        this.plc = plc;
        this.db = db;
        this.lookups = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "conveyor-lookup-" + plc.plcId());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the lookup connection and runs one lookup in the background, so the first real parcel does not pay
     * for preparing statements and loading classes inside its budget.
     */
    public void warmUp() {
        lookups.execute(() -> {
            try {
                find("WEDGE-WARM-UP");
            } catch (SQLException e) {
                LOG.warn("PLC {}: warming up the lookup failed: {}", plc.plcId(), e.toString());
            }
        });
    }

    /**
     * @param parcel       the scan
     * @param arrivedNanos {@link System#nanoTime()} when its notification arrived; the budget counts from there
     */
    public Decision decide(Induction parcel, long arrivedNanos) {
        if (parcel.noRead()) {
            return decision(parcel, plc.rejectLane(), DecisionReason.NO_READ, 0, arrivedNanos);
        }
        long left = plc.budget().toNanos() - (System.nanoTime() - arrivedNanos);
        Future<ParcelDirectory.Lookup> lookup = lookups.submit(() -> find(parcel.barcode()));
        try {
            return choose(parcel, lookup.get(Math.max(0, left), TimeUnit.NANOSECONDS), arrivedNanos);
        } catch (TimeoutException e) {
            lookup.cancel(false);
            return decision(parcel, plc.defaultLane(), DecisionReason.OVER_BUDGET, 0, arrivedNanos);
        } catch (ExecutionException e) {
            LOG.warn("PLC {}: lookup of {} failed: {}", plc.plcId(), parcel.barcode(), e.getCause().toString());
            return decision(parcel, plc.defaultLane(), DecisionReason.LOOKUP_FAILED, 0, arrivedNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return decision(parcel, plc.defaultLane(), DecisionReason.OVER_BUDGET, 0, arrivedNanos);
        }
    }

    private Decision choose(Induction parcel, ParcelDirectory.Lookup found, long arrivedNanos) {
        if (found instanceof ParcelDirectory.Found f) {
            List<LaneRule> rules = plc.rules();
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i).matches(f.destination())) {
                    return decision(parcel, rules.get(i).lane(), DecisionReason.RULE, i + 1, arrivedNanos);
                }
            }
            return decision(parcel, plc.defaultLane(), DecisionReason.NO_RULE, 0, arrivedNanos);
        }
        if (found instanceof ParcelDirectory.KnownWithoutDestination) {
            return decision(parcel, plc.defaultLane(), DecisionReason.NO_DESTINATION, 0, arrivedNanos);
        }
        return decision(parcel, plc.rejectLane(), DecisionReason.UNKNOWN_BARCODE, 0, arrivedNanos);
    }

    private Decision decision(Induction parcel, int lane, DecisionReason reason, int rule, long arrivedNanos) {
        return new Decision(plc.plcId(), parcel, lane, reason, rule, (System.nanoTime() - arrivedNanos) / 1000);
    }

    /** Runs on the lookup thread, which alone uses the directory's connection. */
    private ParcelDirectory.Lookup find(String barcode) throws SQLException {
        try {
            if (directory == null) {
                directory = new ParcelDirectory(db);
            }
            return directory.find(barcode);
        } catch (SQLException e) {
            closeDirectory();
            throw e;
        }
    }

    private void closeDirectory() {
        if (directory != null) {
            try {
                directory.close();
            } catch (SQLException e) {
                LOG.debug("closing the lookup connection failed: {}", e.toString());
            }
            directory = null;
        }
    }

    @Override
    public void close() {
        lookups.execute(this::closeDirectory);
        lookups.shutdown();
        try {
            if (!lookups.awaitTermination(2, TimeUnit.SECONDS)) {
                lookups.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
