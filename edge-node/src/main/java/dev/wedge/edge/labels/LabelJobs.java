package dev.wedge.edge.labels;

import dev.wedge.scanner.gs1.Sscc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Pallet label jobs in Derby: queued in the receipt's transaction, then marked printed or failed by the
 * printing route. A job still queued after a restart is sent again, so a label is never silently lost.
 */
public final class LabelJobs {

    /** A label waiting to be printed. */
    public record LabelJob(long jobId, String printerId, String sscc, String zpl) {
    }

    private final DataSource db;
    private final Clock clock;

    public LabelJobs(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Queues a label inside the caller's transaction and returns its job id. */
    public long queue(Connection tx, String printerId, Sscc sscc, String zpl, java.time.Instant at) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO label_job (printer_id, sscc, zpl, status,"
                + " created_at) VALUES (?, ?, ?, 'QUEUED', ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, printerId);
            ps.setString(2, sscc.value());
            ps.setString(3, zpl);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Every job not yet printed or given up, oldest first. */
    public List<LabelJob> queued() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT job_id, printer_id, sscc, zpl FROM label_job WHERE status = 'QUEUED' ORDER BY job_id")) {
            List<LabelJob> jobs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    jobs.add(new LabelJob(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return jobs;
        }
    }

    public LabelJob job(long jobId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT job_id, printer_id, sscc, zpl FROM label_job WHERE job_id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("label job " + jobId + " does not exist");
                }
                return new LabelJob(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
        }
    }

    public void markPrinted(long jobId) throws SQLException {
        update("UPDATE label_job SET status = 'PRINTED', attempts = attempts + 1, printed_at = ?, last_error = NULL"
                + " WHERE job_id = ?", jobId, null);
    }

    public void markFailed(long jobId, String error) throws SQLException {
        update("UPDATE label_job SET status = 'FAILED', attempts = attempts + 1, printed_at = ?, last_error = ?"
                + " WHERE job_id = ?", jobId, error == null ? "unknown error" : error);
    }

    private void update(String sql, long jobId, String error) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setTimestamp(i++, Timestamp.from(clock.instant()));
            if (error != null) {
                ps.setString(i++, error.length() > 500 ? error.substring(0, 500) : error);
            }
            ps.setLong(i, jobId);
            ps.executeUpdate();
        }
    }
}
