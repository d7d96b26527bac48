package dev.wedge.edge.conveyor.decision;

import dev.wedge.edge.conveyor.Induction;
import dev.wedge.edge.conveyor.LaneRule;
import dev.wedge.edge.conveyor.PlcSettings;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the lane of each parcel of one sorter within its budget. The lookup runs on the decider's lookup thread
 * (which alone holds the database connection) and a budget timer runs beside it: whichever finishes first decides.
 * A database that is slow or locked therefore sends parcels to the default lane, recorded as
 * {@link DecisionReason#OVER_BUDGET}, when their budget runs out, instead of making the PLC or the parcels behind
 * them wait; a lookup whose parcel was already decided that way is skipped, so the backlog of a lock clears at
 * once. No-reads never touch the database.
 *
 * <p>The decision is handed on by the thread that made it (the lookup thread, or the timer's), without waking
 * the caller: the write to the PLC follows on that thread. Both executors belong to the caller, which shuts them
 * down after {@link #close()}; the lookup executor must run one task at a time.
 */
public final class SortDecider implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SortDecider.class);

    private final PlcSettings plc;
    private final DataSource db;
    private final ExecutorService lookups;
    private final ScheduledExecutorService budgetTimer;
    private ParcelDirectory directory;

    /**
     * @param lookups     runs the lookups, one at a time (a single thread)
     * @param budgetTimer fires when a budget runs out
     */
    public SortDecider(PlcSettings plc, DataSource db, ExecutorService lookups, ScheduledExecutorService budgetTimer) {
        this.plc = plc;
        this.db = db;
        this.lookups = lookups;
        this.budgetTimer = budgetTimer;
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
     * Decides where a parcel goes and passes the decision to {@code then}, exactly once: at once on the calling
     * thread when no lookup is needed (a no-read, a spent budget), otherwise on the lookup thread or, when the
     * budget runs out first, on the budget timer's thread. {@code then} should not block.
     *
     * @param parcel       the scan
     * @param arrivedNanos {@link System#nanoTime()} when its notification arrived; the budget counts from there
     */
    public void decide(Induction parcel, long arrivedNanos, Consumer<Decision> then) {
        if (parcel.noRead()) {
            then.accept(decision(parcel, plc.rejectLane(), DecisionReason.NO_READ, 0, arrivedNanos));
            return;
        }
        long left = plc.budget().toNanos() - (System.nanoTime() - arrivedNanos);
        if (left <= 0) {
            then.accept(overBudget(parcel, arrivedNanos));
            return;
        }
        Race race = new Race(then);
        try {
            race.timer = budgetTimer.schedule(() -> race.settle(overBudget(parcel, arrivedNanos)), left,
                    TimeUnit.NANOSECONDS);
            lookups.execute(() -> lookUp(parcel, arrivedNanos, race));
        } catch (RejectedExecutionException e) {
            // Shutting down: the parcel still gets an answer rather than none.
            race.settle(decision(parcel, plc.defaultLane(), DecisionReason.LOOKUP_FAILED, 0, arrivedNanos));
        }
    }

    /** Runs on the lookup thread. */
    private void lookUp(Induction parcel, long arrivedNanos, Race race) {
        if (race.settled()) {
            return;
        }
        Decision d;
        try {
            d = choose(parcel, find(parcel.barcode()), arrivedNanos);
        } catch (SQLException e) {
            LOG.warn("PLC {}: lookup of {} failed: {}", plc.plcId(), parcel.barcode(), e.toString());
            d = decision(parcel, plc.defaultLane(), DecisionReason.LOOKUP_FAILED, 0, arrivedNanos);
        }
        if (race.settle(d)) {
            race.timer.cancel(false);
        }
    }

    private Decision overBudget(Induction parcel, long arrivedNanos) {
        return decision(parcel, plc.defaultLane(), DecisionReason.OVER_BUDGET, 0, arrivedNanos);
    }

    /** The lookup and the budget timer race for one parcel; the first to settle decides. */
    private static final class Race {
        private final AtomicBoolean done = new AtomicBoolean();
        private final Consumer<Decision> then;
        private volatile Future<?> timer;

        Race(Consumer<Decision> then) {
            this.then = then;
        }

        boolean settled() {
            return done.get();
        }

        boolean settle(Decision d) {
            if (!done.compareAndSet(false, true)) {
                return false;
            }
            try {
                then.accept(d);
            } catch (RuntimeException e) {
                LOG.error("PLC {}: handing on the decision for tracking id {} failed", d.plcId(),
                        d.parcel().trackingId(), e);
            }
            return true;
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

    /** Closes the lookup connection on the lookup thread (waiting up to two seconds for it). */
    @Override
    public void close() {
        try {
            lookups.submit(this::closeDirectory).get(2, TimeUnit.SECONDS);
        } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
            LOG.debug("PLC {}: closing the lookup connection did not finish: {}", plc.plcId(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
