package dev.wedge.edge.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.floor.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;

/** Read-only figures for the handheld lists and the supervisor view, straight from the edge database. */
final class FloorQueries {

    /** A wave and how far picking has got. */
    record WaveProgress(long waveId, String route, String dockDoor, Instant plannedDeparture, String status,
                        int tasks, int done, int shorts, int orders) {
    }

    private final DataSource db;
    private final Clock clock;

    FloorQueries(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    List<WaveProgress> waves() throws SQLException {
        try (Connection c = db.getConnection()) {
            return Jdbc.list(c, "SELECT w.wave_id, w.route, w.dock_door, w.planned_departure, w.status,"
                    + " (SELECT COUNT(*) FROM pick_task t WHERE t.wave_id = w.wave_id),"
                    + " (SELECT COUNT(*) FROM pick_task t WHERE t.wave_id = w.wave_id AND t.status = 'DONE'),"
                    + " (SELECT COUNT(*) FROM pick_task t WHERE t.wave_id = w.wave_id AND t.status = 'SHORT'),"
                    + " (SELECT COUNT(*) FROM customer_order o WHERE o.wave_id = w.wave_id)"
                    + " FROM wave w ORDER BY w.planned_departure, w.wave_id", rs -> new WaveProgress(rs.getLong(1),
                    rs.getString(2), rs.getString(3), Jdbc.instant(rs, "planned_departure"), rs.getString(5),
                    rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)));
        }
    }

    /** Short picks and backorders, newest first. */
    ArrayNode followUps(int limit) throws SQLException {
        ArrayNode out = Json.MAPPER.createArrayNode();
        try (Connection c = db.getConnection()) {
            Jdbc.list(c, "SELECT follow_up_id, kind, order_id, sku, location, quantity, reason, reported_by, created_at"
                    + " FROM follow_up ORDER BY follow_up_id DESC FETCH FIRST " + limit + " ROWS ONLY", rs -> out.addObject()
                    .put("id", rs.getLong(1)).put("kind", rs.getString(2)).put("orderId", rs.getString(3))
                    .put("sku", rs.getString(4)).put("location", rs.getString(5)).put("quantity", rs.getInt(6))
                    .put("reason", rs.getString(7)).put("reportedBy", rs.getString(8))
                    .put("at", Jdbc.instant(rs, "created_at").toString()));
        }
        return out;
    }

    /** Label jobs per printer, and the jobs held (queued or failed). */
    /** The open entries of the sync conflict list (what no ownership rule decided), newest first. */
    ArrayNode openConflicts(int limit) throws SQLException {
        ArrayNode out = Json.MAPPER.createArrayNode();
        try (Connection c = db.getConnection()) {
            Jdbc.list(c, "SELECT id, kind, entity_key, reason, detail, detected_at FROM sync_conflict"
                    + " WHERE resolved_at IS NULL ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
                    rs -> out.addObject().put("id", rs.getLong(1)).put("kind", rs.getString(2))
                            .put("key", rs.getString(3)).put("reason", rs.getString(4))
                            .put("detail", rs.getString(5)).put("at", rs.getTimestamp(6).toInstant().toString()));
        }
        return out;
    }

    ObjectNode printers(List<String> printerIds) throws SQLException {
        ObjectNode out = Json.MAPPER.createObjectNode();
        try (Connection c = db.getConnection()) {
            for (String id : printerIds) {
                ObjectNode p = out.putObject(id);
                for (String status : List.of("PRINTED", "QUEUED", "HELD", "FAILED")) {
                    p.put(status.toLowerCase(), Jdbc.count(c, "SELECT COUNT(*) FROM label_status WHERE printer_id = ?"
                            + " AND status = ?", id, status));
                }
                ArrayNode held = p.putArray("held");
                Jdbc.list(c, "SELECT job_id, sscc, status, last_error FROM label_status WHERE printer_id = ? AND status"
                        + " <> 'PRINTED' ORDER BY job_id DESC FETCH FIRST 10 ROWS ONLY", rs -> held.addObject()
                        .put("jobId", rs.getLong(1)).put("sscc", rs.getString(2)).put("status", rs.getString(3))
                        .put("lastError", rs.getString(4)), id);
            }
        }
        return out;
    }

    /** Handhelds seen in the last hour: device id, scans, refused scans, last scan. */
    ArrayNode handhelds() throws SQLException {
        ArrayNode out = Json.MAPPER.createArrayNode();
        try (Connection c = db.getConnection()) {
            Jdbc.list(c, "SELECT scanner_id, COUNT(*), SUM(CASE WHEN outcome = 'REJECTED' THEN 1 ELSE 0 END),"
                    + " MAX(received_at) FROM scan WHERE received_at >= ? GROUP BY scanner_id ORDER BY scanner_id",
                    rs -> out.addObject().put("deviceId", rs.getString(1)).put("scans", rs.getLong(2))
                            .put("refused", rs.getLong(3)).put("lastScanAt", rs.getTimestamp(4).toInstant().toString()),
                    clock.instant().minus(1, ChronoUnit.HOURS));
        }
        return out;
    }

    /** Picks per hour and scan error rate per hour over the last {@code hours} hours, oldest first. */
    ObjectNode charts(int hours) throws SQLException {
        Instant end = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        Instant start = end.minus(hours, ChronoUnit.HOURS);
        long[] picks = new long[hours];
        long[] scans = new long[hours];
        long[] refused = new long[hours];
        try (Connection c = db.getConnection()) {
            for (Object[] row : Jdbc.list(c, "SELECT occurred_at FROM stock_movement WHERE kind = 'PICK'"
                    + " AND occurred_at >= ?", rs -> new Object[]{rs.getTimestamp(1).toInstant()}, start)) {
                picks[bucket(start, (Instant) row[0], hours)]++;
            }
            for (Object[] row : Jdbc.list(c, "SELECT received_at, outcome FROM scan WHERE received_at >= ?",
                    rs -> new Object[]{rs.getTimestamp(1).toInstant(), rs.getString(2)}, start)) {
                int b = bucket(start, (Instant) row[0], hours);
                scans[b]++;
                refused[b] += "REJECTED".equals(row[1]) ? 1 : 0;
            }
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("hours");
        for (int i = 0; i < hours; i++) {
            list.addObject().put("hour", start.plus(i, ChronoUnit.HOURS).toString()).put("picks", picks[i])
                    .put("scans", scans[i]).put("refused", refused[i])
                    .put("errorRate", scans[i] == 0 ? 0.0 : (double) refused[i] / scans[i]);
        }
        return out;
    }

    private static int bucket(Instant start, Instant at, int hours) {
        int b = (int) ChronoUnit.HOURS.between(start, at);
        return Math.max(0, Math.min(hours - 1, b));
    }
}
