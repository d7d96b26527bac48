package dev.wedge.edge.picking;

import dev.wedge.edge.floor.FloorError;
import dev.wedge.edge.floor.FloorException;
import dev.wedge.edge.floor.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The SQL of pick tasks; works in the caller's connection. */
final class PickTasks {

    private static final String ROW = "SELECT t.task_id, t.wave_id, t.order_id, t.line_no, t.tote, t.location,"
            + " t.sku, p.description, p.gtin, t.lot_number, l.expiry, t.quantity, t.picked, t.counted, t.step,"
            + " t.status, 0, 0 FROM pick_task t JOIN product p ON p.sku = t.sku"
            + " LEFT JOIN lot l ON l.sku = t.sku AND l.lot_number = t.lot_number";
    /** A task as it is now and its wave's next open task (none when the wave is done). */
    record NowAndNext(PickTask task, Optional<PickTask> next) {
    }

    /** Closed and all tasks of a wave, as the wave row keeps them. */
    private static final String WAVE_COUNTS = "SELECT closed_count, task_count FROM wave WHERE wave_id = ?";

    /**
     * Locks the task's row for the rest of the transaction, so scans of one task are serialised, and reads it by
     * primary key only (the wave counts are left at 0: counting would read, and wait on, other pickers' rows).
     */
    PickTask lock(Connection tx, long taskId) throws SQLException, FloorException {
        if (Jdbc.update(tx, "UPDATE pick_task SET counted = counted WHERE task_id = ?", taskId) == 0) {
            throw FloorException.notFound("pick task " + taskId);
        }
        return Jdbc.one(tx, ROW + " WHERE t.task_id = ?", PickTasks::map, taskId).orElseThrow();
    }

    /** The task with its wave's progress. */
    Optional<PickTask> find(Connection c, long taskId) throws SQLException {
        Optional<PickTask> t = Jdbc.one(c, ROW + " WHERE t.task_id = ?", PickTasks::map, taskId);
        if (t.isEmpty()) {
            return t;
        }
        return Optional.of(withProgress(t.get(), waveCounts(c, t.get().waveId())));
    }

    /** The open task of the wave with the lowest pick sequence, with the wave's progress. */
    Optional<PickTask> next(Connection c, long waveId) throws SQLException {
        Optional<Long> id = nextId(c, waveId);
        return id.isEmpty() ? Optional.empty() : find(c, id.get());
    }

    /**
     * The task as it is now and the wave's next open task, counting the wave once; the two are the same task
     * while the picker is still on the first open one.
     */
    Optional<NowAndNext> findWithNext(Connection c, long taskId) throws SQLException {
        Optional<PickTask> found = Jdbc.one(c, ROW + " WHERE t.task_id = ?", PickTasks::map, taskId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        int[] counts = waveCounts(c, found.get().waveId());
        PickTask now = withProgress(found.get(), counts);
        Optional<Long> nextId = nextId(c, now.waveId());
        PickTask next = null;
        if (nextId.isPresent()) {
            next = nextId.get() == taskId ? now : Jdbc.one(c, ROW + " WHERE t.task_id = ?", PickTasks::map,
                    nextId.get()).map(t -> withProgress(t, counts)).orElse(null);
        }
        return Optional.of(new NowAndNext(now, Optional.ofNullable(next)));
    }

    List<PickTask> ofWave(Connection c, long waveId) throws SQLException {
        int[] counts = waveCounts(c, waveId);
        return Jdbc.list(c, ROW + " WHERE t.wave_id = ? ORDER BY t.pick_sequence, t.location, t.task_id",
                rs -> withProgress(map(rs), counts), waveId);
    }

    /** The lowest open task by pick sequence, read from the index pick_task_next alone. */
    private static Optional<Long> nextId(Connection c, long waveId) throws SQLException {
        return Jdbc.one(c, "SELECT task_id FROM pick_task WHERE wave_id = ? AND status = 'OPEN'"
                + " ORDER BY pick_sequence, location, task_id FETCH FIRST 1 ROWS ONLY", rs -> rs.getLong(1), waveId);
    }

    private static int[] waveCounts(Connection c, long waveId) throws SQLException {
        return Jdbc.one(c, WAVE_COUNTS, rs -> new int[]{rs.getInt(1), rs.getInt(2)}, waveId)
                .orElse(new int[]{0, 0});
    }

    private static PickTask withProgress(PickTask t, int[] counts) {
        return new PickTask(t.taskId(), t.waveId(), t.orderId(), t.lineNo(), t.tote(), t.location(), t.sku(),
                t.description(), t.gtin(), t.lot(), t.expiry(), t.quantity(), t.picked(), t.counted(), t.step(),
                t.status(), counts[0], counts[1]);
    }

    void setStep(Connection tx, long taskId, String step, int counted) throws SQLException {
        Jdbc.update(tx, "UPDATE pick_task SET step = ?, counted = ? WHERE task_id = ?", step, counted, taskId);
    }

    /**
     * Adds a confirmed quantity to task {@code t} (as locked by {@link #lock}); false when that would pick more
     * than the task asks. The task is done, and counted as closed, when its whole quantity is picked.
     */
    boolean addPicked(Connection tx, PickTask t, int quantity, String picker, java.time.Instant at)
            throws SQLException {
        boolean added = Jdbc.update(tx, "UPDATE pick_task SET picked = picked + ?, counted = 0, picked_by = ?,"
                + " step = CASE WHEN picked + ? = quantity THEN 'DONE' ELSE 'ITEM' END,"
                + " status = CASE WHEN picked + ? = quantity THEN 'DONE' ELSE 'OPEN' END,"
                + " done_at = CASE WHEN picked + ? = quantity THEN CAST(? AS TIMESTAMP) ELSE NULL END"
                + " WHERE task_id = ? AND status = 'OPEN' AND picked + ? <= quantity",
                quantity, picker, quantity, quantity, quantity, at, t.taskId(), quantity) == 1;
        if (added) {
            progress(tx, t, t.picked() + quantity == t.quantity());
        }
        return added;
    }

    /** Closes task {@code t} (as locked by {@link #lock}) short: nothing more is picked for it. */
    void closeShort(Connection tx, PickTask t, String picker, java.time.Instant at) throws SQLException {
        Jdbc.update(tx, "UPDATE pick_task SET status = 'SHORT', step = 'DONE', counted = 0, picked_by = ?,"
                + " done_at = ? WHERE task_id = ?", picker, at, t.taskId());
        progress(tx, t, true);
    }

    /**
     * Moves the wave on after a pick of task {@code t}: PICKING while it has open tasks, PICKED when the task
     * that just {@code closed} was its last; and the task's order to PICKED when none of its tasks is open.
     */
    private static void progress(Connection tx, PickTask t, boolean closed) throws SQLException {
        if (!closed) {
            // Only a change writes the row: most picks leave the wave PICKING.
            Jdbc.update(tx, "UPDATE wave SET status = 'PICKING' WHERE wave_id = ? AND status = 'RELEASED'",
                    t.waveId());
            return;
        }
        Jdbc.update(tx, "UPDATE wave SET closed_count = closed_count + 1, status = CASE WHEN closed_count + 1"
                + " >= task_count THEN 'PICKED' ELSE 'PICKING' END WHERE wave_id = ?", t.waveId());
        if (Jdbc.count(tx, "SELECT COUNT(*) FROM pick_task WHERE order_id = ? AND status = 'OPEN'", t.orderId())
                == 0) {
            Jdbc.update(tx, "UPDATE customer_order SET status = 'PICKED' WHERE order_id = ? AND status = 'RELEASED'",
                    t.orderId());
        }
    }

    static FloorException closed(PickTask t) {
        return new FloorException(FloorError.TASK_CLOSED, "pick task " + t.taskId() + " is already "
                + t.status().toLowerCase() + " (" + t.picked() + " of " + t.quantity() + " picked): take the next task");
    }

    private static PickTask map(ResultSet rs) throws SQLException {
        return new PickTask(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                Jdbc.date(rs, "expiry"), rs.getInt(12), rs.getInt(13), rs.getInt(14), rs.getString(15),
                rs.getString(16), rs.getInt(17), rs.getInt(18));
    }
}
