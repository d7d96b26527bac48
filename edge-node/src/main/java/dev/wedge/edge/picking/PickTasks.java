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
    private static final String SELECT = "SELECT t.task_id, t.wave_id, t.order_id, t.line_no, t.tote, t.location,"
            + " t.sku, p.description, p.gtin, t.lot_number, l.expiry, t.quantity, t.picked, t.counted, t.step,"
            + " t.status, (SELECT COUNT(*) FROM pick_task w WHERE w.wave_id = t.wave_id AND w.status <> 'OPEN'),"
            + " (SELECT COUNT(*) FROM pick_task w WHERE w.wave_id = t.wave_id)"
            + " FROM pick_task t JOIN product p ON p.sku = t.sku"
            + " LEFT JOIN lot l ON l.sku = t.sku AND l.lot_number = t.lot_number";

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

    Optional<PickTask> find(Connection c, long taskId) throws SQLException {
        return Jdbc.one(c, SELECT + " WHERE t.task_id = ?", PickTasks::map, taskId);
    }

    /** The open task of the wave with the lowest pick sequence. */
    Optional<PickTask> next(Connection c, long waveId) throws SQLException {
        return Jdbc.one(c, SELECT + " WHERE t.wave_id = ? AND t.status = 'OPEN'"
                + " ORDER BY t.pick_sequence, t.location, t.task_id FETCH FIRST 1 ROWS ONLY", PickTasks::map, waveId);
    }

    List<PickTask> ofWave(Connection c, long waveId) throws SQLException {
        return Jdbc.list(c, SELECT + " WHERE t.wave_id = ? ORDER BY t.pick_sequence, t.location, t.task_id",
                PickTasks::map, waveId);
    }

    void setStep(Connection tx, long taskId, String step, int counted) throws SQLException {
        Jdbc.update(tx, "UPDATE pick_task SET step = ?, counted = ? WHERE task_id = ?", step, counted, taskId);
    }

    /** Adds a confirmed quantity; false when that would pick more than the task asks. */
    boolean addPicked(Connection tx, long taskId, int quantity, String picker, java.time.Instant at)
            throws SQLException {
        return Jdbc.update(tx, "UPDATE pick_task SET picked = picked + ?, counted = 0, picked_by = ?,"
                + " step = CASE WHEN picked + ? = quantity THEN 'DONE' ELSE 'ITEM' END,"
                + " status = CASE WHEN picked + ? = quantity THEN 'DONE' ELSE 'OPEN' END,"
                + " done_at = CASE WHEN picked + ? = quantity THEN CAST(? AS TIMESTAMP) ELSE NULL END"
                + " WHERE task_id = ? AND status = 'OPEN' AND picked + ? <= quantity",
                quantity, picker, quantity, quantity, quantity, at, taskId, quantity) == 1;
    }

    /** Closes the wave and the orders whose tasks are all closed. */
    void closeFinished(Connection tx, long waveId, String orderId) throws SQLException {
        if (Jdbc.count(tx, "SELECT COUNT(*) FROM pick_task WHERE order_id = ? AND status = 'OPEN'", orderId) == 0) {
            Jdbc.update(tx, "UPDATE customer_order SET status = 'PICKED' WHERE order_id = ? AND status = 'RELEASED'",
                    orderId);
        }
        boolean open = Jdbc.count(tx, "SELECT COUNT(*) FROM pick_task WHERE wave_id = ? AND status = 'OPEN'",
                waveId) > 0;
        Jdbc.update(tx, "UPDATE wave SET status = ? WHERE wave_id = ?", open ? "PICKING" : "PICKED", waveId);
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
