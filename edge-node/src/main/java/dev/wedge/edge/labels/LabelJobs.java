package dev.wedge.edge.labels;

import dev.wedge.label.job.JdbcPrintJobStore;
import dev.wedge.label.job.PrintJob;
import dev.wedge.label.job.PrintJobQueue;
import dev.wedge.scanner.gs1.Sscc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The edge's labels for logistic units: each is a durable print job of label-printing's {@link PrintJobQueue}
 * (queued → sent → done, or held with the printer's reason and resumed by itself; never printed twice by a
 * retry), linked to the SSCC it was printed for in {@code label_job}. The {@code label_status} view shows
 * each label with the state of its print job.
 */
public final class LabelJobs {

    private final JdbcPrintJobStore store;
    private final PrintJobQueue queue;

    public LabelJobs(JdbcPrintJobStore store, PrintJobQueue queue) {
        this.store = store;
        this.queue = queue;
    }

    /**
     * Queues a label inside the caller's transaction and returns the edge's label job id. The printer starts
     * on it once the transaction commits and {@link #wake} is called (or at the queue's next retry tick).
     *
     * @throws IllegalArgumentException if the printer is not configured or the ZPL has no label format
     */
    public long queue(Connection tx, String printerId, Sscc sscc, String zpl, Instant at) throws SQLException {
        PrintJob job = queue.newJob(printerId, zpl);
        store.add(tx, job);
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO label_job (printer_id, sscc, zpl, status,"
                + " created_at, print_job_id) VALUES (?, ?, ?, 'QUEUED', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, printerId);
            ps.setString(2, sscc.value());
            ps.setString(3, zpl);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setString(5, job.id().value());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Starts the printer on its committed jobs now. */
    public void wake(String printerId) {
        queue.wake(printerId);
    }
}
