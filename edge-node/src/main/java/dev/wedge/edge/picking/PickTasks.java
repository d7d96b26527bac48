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

    private static final String COLUMNS = "SELECT t.task_id, t.wave_id, t.order_id, t.line_no, t.tote,"
            + " t.location, t.sku, p.description, p.gtin, t.lot_number, l.expiry, t.quantity, t.picked, t.counted,"
            + " t.step, t.status, ";
    private static final String TABLES = " FROM pick_task t JOIN product p ON p.sku = t.sku"
            + " LEFT JOIN lot l ON l.sku = t.sku AND l.lot_number = t.lot_number";
    /** A task without its wave's progress (left at 0): reading the wave row could wait on another pick. */
    private static final String ROW = COLUMNS + "0, 0" + TABLES;
    /** A task with its wave's progress, as the wave row keeps it (display reads, without locks). */
    private static final String ROW_WITH_PROGRESS = COLUMNS + "w.closed_count, w.task_count" + TABLES
            + " JOIN wave w ON w.wave_id = t.wave_id";

    /** A task as it is now and its wave's next open task (none when the wave is done). */
    record NowAndNext(PickTask task, Optional<PickTask> next) {
    }

    /**
     * Locks the task's row for the rest of the transaction, so scans of one task are serialised, and reads it by
     * primary key only (the wave counts are left at 0: reading the wave row could wait on another pick).
     */
    PickTask lock(Connection tx, long taskId) throws SQLException, FloorException {
        if (Jdbc.update(tx, "UPDATE pick_task SET counted = counted WHERE task_id = ?", taskId) == 0) {
            throw FloorException.notFound("pick task " + taskId);
        }
        return Jdbc.one(tx, ROW + " WHERE t.task_id = ?", PickTasks::map, taskId).orElseThrow();
    }

    /** The task with its wave's progress. */
    Optional<PickTask> find(Connection c, long taskId) throws SQLException {
        return Jdbc.one(c, ROW_WITH_PROGRESS + " WHERE t.task_id = ?", PickTasks::map, taskId);
    }

    /** The open task of the wave with the lowest pick sequence, with the wave's progress. */
    Optional<PickTask> next(Connection c, long waveId) throws SQLException {
        Optional<Long> id = nextId(c, waveId);
        return id.isEmpty() ? Optional.empty() : find(c, id.get());
    }

    /**
     * The task as it is now and the wave's next open task; the two are the same task while the picker is still
     * on the first open one.
     */
    Optional<NowAndNext> findWithNext(Connection c, long taskId) throws SQLException {
        Optional<PickTask> now = find(c, taskId);
        if (now.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> nextId = nextId(c, now.get().waveId());
        Optional<PickTask> next = nextId.isEmpty() ? Optional.empty()
                : nextId.get() == taskId ? now : find(c, nextId.get());
        return Optional.of(new NowAndNext(now.get(), next));
    }

    List<PickTask> ofWave(Connection c, long waveId) throws SQLException {
        return Jdbc.list(c, ROW_WITH_PROGRESS + " WHERE t.wave_id = ? ORDER BY t.pick_sequence, t.location,"
                + " t.task_id", PickTasks::map, waveId);
    }

    /** The lowest open task by pick sequence, read from the index pick_task_next alone. */
    private static Optional<Long> nextId(Connection c, long waveId) throws SQLException {
        return Jdbc.one(c, "SELECT task_id FROM pick_task WHERE wave_id = ? AND status = 'OPEN'"
                + " ORDER BY pick_sequence, location, task_id FETCH FIRST 1 ROWS ONLY", rs -> rs.getLong(1), waveId);
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
