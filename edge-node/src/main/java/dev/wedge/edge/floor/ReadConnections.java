package dev.wedge.edge.floor;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A few open auto-commit connections for reads, reused instead of opened for every request. Opening an
 * embedded Derby connection sets up a new context and, on a {@code create=true} URL, builds a "database
 * already exists" warning each time; after every scan the handheld is shown its task, so that cost was paid on
 * every scan.
 *
 * <p>A connection goes back only in the state it was lent in (auto-commit, read committed) and only when its
 * work did not fail; otherwise it is closed. A connection closed underneath (the database was shut down) is
 * dropped when it is next lent. Thread-safe.
 */
final class ReadConnections {

    private final DataSource db;
    private final int keep;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    /** @param keep most idle connections kept open */
    ReadConnections(DataSource db, int keep) {
        this.db = db;
        this.keep = keep;
    }

    Connection lend() throws SQLException {
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            idleCount.decrementAndGet();
            if (!c.isClosed()) {
                return c;
            }
        }
        return db.getConnection();
    }

    /** Takes a connection back; {@code reusable} is false when its work failed. */
    void giveBack(Connection c, boolean reusable) throws SQLException {
        if (reusable && !c.isClosed() && c.getAutoCommit()) {
            if (c.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            if (idleCount.incrementAndGet() <= keep) {
                idle.addFirst(c);
                return;
            }
            idleCount.decrementAndGet();
        }
        c.close();
    }
}
