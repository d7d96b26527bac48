package dev.wedge.edge.floor;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs one business event as one Derby transaction: commit when the work returns, roll back when it throws.
 * A deadlock or lock timeout (SQLState 40001 / 40XL1) is retried a few times, because two handhelds touching
 * the same stock row in a different order is normal on a busy floor and resolves on a second attempt.
 */
public final class Transactions {

    /** Work inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection tx) throws SQLException, FloorException;
    }

    private static final int ATTEMPTS = 4;

    private final DataSource db;
    private final GroupCommit group;
    private final ReadConnections reads;
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();

    public Transactions(DataSource db) {
        this.db = db;
        this.group = new GroupCommit(db, 64);
        this.reads = new ReadConnections(db, 8);
    }

    public DataSource dataSource() {
        return db;
    }

    /** Runs {@code work} in a new transaction and returns its result. */
    public <T> T inTransaction(Work<T> work) throws SQLException, FloorException {
        for (int attempt = 1; ; attempt++) {
            try (Connection tx = db.getConnection()) {
                tx.setAutoCommit(false);
                try {
                    T result = work.run(tx);
                    tx.commit();
                    commits.incrementAndGet();
                    return result;
                } catch (SQLException e) {
                    tx.rollback();
                    if (attempt < ATTEMPTS && isTransient(e)) {
                        continue;
                    }
                    throw e;
                } catch (FloorException | RuntimeException e) {
                    tx.rollback();
                    throw e;
                }
            }
        }
    }

    /**
     * Runs {@code work} in a transaction it shares with other callers' work that arrives at the same time, and
     * returns its result after that transaction committed (group commit, see {@link GroupCommit}). A work that
     * throws is rolled back on its own and changes nothing. The work runs on another thread, in the order of
     * arrival; use it for short business events that many handhelds send at once.
     */
    public <T> T inGroupCommit(Work<T> work) throws SQLException, FloorException {
        return group.run(work);
    }

    /**
     * How many transactions committed through this object so far (each group of a group commit counts once):
     * a cheap way for a view to know that something changed.
     */
    public long commitCount() {
        return commits.get() + group.commits();
    }

    /** Runs read-only work on an auto-commit connection. */
    public <T> T read(Work<T> work) throws SQLException, FloorException {
        return onReadConnection(work, false);
    }

    /**
     * Runs display-only reads without taking read locks (READ UNCOMMITTED), so showing a handheld its next task
     * never waits on, or deadlocks with, another handheld's open transaction. Never use it for a decision.
     */
    public <T> T readWithoutLocks(Work<T> work) throws SQLException, FloorException {
        return onReadConnection(work, true);
    }

    private <T> T onReadConnection(Work<T> work, boolean withoutLocks) throws SQLException, FloorException {
        Connection c = reads.lend();
        boolean reusable = false;
        try {
            if (withoutLocks) {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            }
            T result = work.run(c);
            reusable = true;
            return result;
        } finally {
            reads.giveBack(c, reusable);
        }
    }

    static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40XL1".equals(state) || "40XL2".equals(state);
    }
}
