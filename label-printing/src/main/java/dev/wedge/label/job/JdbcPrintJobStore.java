package dev.wedge.label.job;

import dev.wedge.label.job.PrintJobException.Code;
import dev.wedge.label.transport.PrinterFailureCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import javax.sql.DataSource;

/**
 * {@link PrintJobStore} on plain JDBC, with the tables of the {@code db/label} migrations (Derby SQL; nothing
 * Derby-only is used). Each method is one transaction; state changes are {@code UPDATE ... WHERE state IN (...)}
 * so a job is moved by at most one caller. Times are stored as UTC timestamps. Thread-safe.
 */
public final class JdbcPrintJobStore implements PrintJobStore {

    private static final String COLUMNS = "seq, job_id, printer_id, zpl, label_count, state, hold_reason, hold_detail,"
            + " odometer_before, attempts, reprint_of, created_at, updated_at";

    private final DataSource dataSource;
    private final java.util.concurrent.atomic.AtomicLong lastSeq = new java.util.concurrent.atomic.AtomicLong();

    public JdbcPrintJobStore(DataSource dataSource) {
        if (dataSource == null) {
            throw new IllegalArgumentException("print job store needs a data source");
        }
        this.dataSource = dataSource;
    }

    @Override
    public void add(PrintJob job) {
        inTransaction(c -> {
            insert(c, job);
            return null;
        });
    }

    /**
     * Adds a job inside the caller's open transaction (neither committed nor rolled back here), so a business
     * change and the label it prints are stored together or not at all.
     */
    public void add(Connection tx, PrintJob job) throws SQLException {
        insert(tx, job);
    }

    @Override
    public Optional<PrintJob> find(PrintJobId id) {
        return inTransaction(c -> find(c, id));
    }

    @Override
    public List<PrintJob> open(String printerId) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM label_print_job WHERE printer_id = ? AND state <> 'DONE' ORDER BY seq")) {
                s.setString(1, printerId);
                return readAll(s);
            }
        });
    }

    @Override
    public List<String> printersWithOpenJobs() {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT DISTINCT printer_id FROM label_print_job WHERE state <> 'DONE' ORDER BY printer_id");
                 ResultSet rs = s.executeQuery()) {
                List<String> printers = new ArrayList<>();
                while (rs.next()) {
                    printers.add(rs.getString(1));
                }
                return printers;
            }
        });
    }

    @Override
    public void markSent(PrintJobId id, long odometerBefore, Instant at) {
        change(id, "state = 'SENT', hold_reason = NULL, hold_detail = '', odometer_before = ?, attempts = attempts + 1",
                "'QUEUED', 'HELD'", at, s -> s.setLong(1, odometerBefore));
    }

    @Override
    public void markDone(PrintJobId id, Instant at) {
        change(id, "state = 'DONE', hold_reason = NULL, hold_detail = ''", "'SENT', 'HELD'", at, s -> { });
    }

    @Override
    public void markHeld(PrintJobId id, PrinterFailureCode reason, String detail, Instant at) {
        if (reason == null) {
            throw new IllegalArgumentException("holding print job " + id + " needs a reason");
        }
        String text = detail == null ? "" : detail.length() > 500 ? detail.substring(0, 500) : detail;
        change(id, "state = 'HELD', hold_reason = ?, hold_detail = ?", "'QUEUED', 'SENT', 'HELD'", at, s -> {
            s.setString(1, reason.name());
            s.setString(2, text);
        });
    }

    @Override
    public PrintJob addReprint(ReprintRecord record) {
        return inTransaction(c -> {
            PrintJob original = find(c, record.original()).orElseThrow(() -> new PrintJobException(Code.UNKNOWN_JOB,
                    "print job " + record.original() + " does not exist, so it cannot be reprinted", null));
            if (original.state() != PrintJobState.DONE) {
                throw new PrintJobException(Code.WRONG_STATE, "print job " + original.id() + " is "
                        + original.state() + "; only a printed (DONE) job can be reprinted", null);
            }
            PrintJob copy = PrintJob.queued(record.reprint(), original.printerId(), original.zpl(),
                    original.labelCount(), original.id(), record.requestedAt());
            insert(c, copy);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO label_reprint_audit (seq, original_job_id,"
                    + " reprint_job_id, requested_by, reason, requested_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, nextSeq());
                s.setString(2, record.original().value());
                s.setString(3, record.reprint().value());
                s.setString(4, record.requestedBy());
                s.setString(5, record.reason());
                s.setTimestamp(6, Timestamp.from(record.requestedAt()), utc());
                s.executeUpdate();
            }
            return copy;
        });
    }

    @Override
    public List<ReprintRecord> reprints(PrintJobId original) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT original_job_id, reprint_job_id, requested_by,"
                    + " reason, requested_at FROM label_reprint_audit WHERE original_job_id = ? ORDER BY seq")) {
                s.setString(1, original.value());
                try (ResultSet rs = s.executeQuery()) {
                    List<ReprintRecord> records = new ArrayList<>();
                    while (rs.next()) {
                        records.add(new ReprintRecord(new PrintJobId(rs.getString(1)), new PrintJobId(rs.getString(2)),
                                rs.getString(3), rs.getString(4), rs.getTimestamp(5, utc()).toInstant()));
                    }
                    return records;
                }
            }
        });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void change(PrintJobId id, String set, String fromStates, Instant at, Binder binder) {
        inTransaction(c -> {
            int params = (int) set.chars().filter(ch -> ch == '?').count();
            try (PreparedStatement s = c.prepareStatement("UPDATE label_print_job SET " + set
                    + ", updated_at = ? WHERE job_id = ? AND state IN (" + fromStates + ")")) {
                binder.bind(s);
                s.setTimestamp(params + 1, Timestamp.from(at), utc());
                s.setString(params + 2, id.value());
                if (s.executeUpdate() == 1) {
                    return null;
                }
            }
            Optional<PrintJob> job = find(c, id);
            if (job.isEmpty()) {
                throw new PrintJobException(Code.UNKNOWN_JOB, "print job " + id + " does not exist", null);
            }
            throw new PrintJobException(Code.WRONG_STATE, "print job " + id + " is " + job.get().state()
                    + "; this change needs it to be one of " + fromStates, null);
        });
    }

    /**
     * Arrival order: wall-clock microseconds, made strictly increasing within this process, so later jobs (also
     * after a restart) sort after earlier ones.
     */
    private long nextSeq() {
        long now = java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        return lastSeq.updateAndGet(last -> Math.max(now, last + 1));
    }

    private void insert(Connection c, PrintJob job) throws SQLException {
        if (find(c, job.id()).isPresent()) {
            throw new PrintJobException(Code.DUPLICATE_JOB, "print job " + job.id() + " already exists", null);
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO label_print_job (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, nextSeq());
            s.setString(2, job.id().value());
            s.setString(3, job.printerId());
            s.setString(4, job.zpl());
            s.setInt(5, job.labelCount());
            s.setString(6, job.state().name());
            s.setString(7, job.holdReason() == null ? null : job.holdReason().name());
            s.setString(8, job.holdDetail());
            if (job.odometerBefore() == null) {
                s.setNull(9, java.sql.Types.BIGINT);
            } else {
                s.setLong(9, job.odometerBefore());
            }
            s.setInt(10, job.attempts());
            s.setString(11, job.reprintOf() == null ? null : job.reprintOf().value());
            s.setTimestamp(12, Timestamp.from(job.createdAt()), utc());
            s.setTimestamp(13, Timestamp.from(job.updatedAt()), utc());
            s.executeUpdate();
        }
    }

    private static Optional<PrintJob> find(Connection c, PrintJobId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM label_print_job WHERE job_id = ?")) {
            s.setString(1, id.value());
            List<PrintJob> jobs = readAll(s);
            return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(0));
        }
    }

    private static List<PrintJob> readAll(PreparedStatement s) throws SQLException {
        List<PrintJob> jobs = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long odometer = rs.getLong(9);
                Long odometerBefore = rs.wasNull() ? null : odometer;
                String holdReason = rs.getString(7);
                String reprintOf = rs.getString(11);
                jobs.add(new PrintJob(new PrintJobId(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getInt(5),
                        PrintJobState.valueOf(rs.getString(6)),
                        holdReason == null ? null : PrinterFailureCode.valueOf(holdReason), rs.getString(8),
                        odometerBefore, rs.getInt(10), reprintOf == null ? null : new PrintJobId(reprintOf),
                        rs.getTimestamp(12, utc()).toInstant(), rs.getTimestamp(13, utc()).toInstant()));
            }
        }
        return jobs;
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new PrintJobException(Code.STORE_FAILED, "print job store failed: " + e.getMessage(), e);
        }
    }

    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }
}
