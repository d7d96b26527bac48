package dev.wedge.edge.dispatch.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work in one Derby transaction: committed when it returns, rolled back when it throws. */
public final class Transactions {

    /** Work done inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection tx) throws SQLException;
    }

    private final DataSource db;

    public Transactions(DataSource db) {
        this.db = db;
    }

    public <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection tx = db.getConnection()) {
            tx.setAutoCommit(false);
            try {
                T result = work.run(tx);
                tx.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                tx.rollback();
                throw e;
            }
        }
    }

    /** Read-only work on an auto-commit connection. */
    public <T> T read(Work<T> work) throws SQLException {
        try (Connection c = db.getConnection()) {
            return work.run(c);
        }
    }
}
