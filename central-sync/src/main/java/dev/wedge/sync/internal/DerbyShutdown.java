package dev.wedge.sync.internal;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Shuts down one embedded Derby database so that its files are closed and another owner can boot it. */
public final class DerbyShutdown {
    private static final String DATABASE_SHUTDOWN = "08006";
    private static final String SYSTEM_SHUTDOWN = "XJ015";

    private DerbyShutdown() {
    }

    /** True when the URL names an embedded Derby database. */
    public static boolean isDerby(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:derby:") && !jdbcUrl.startsWith("jdbc:derby://");
    }

    /** Shuts the database of {@code jdbcUrl} down; Derby reports success with an 08006/XJ015 SQLException. */
    public static void shutdown(String jdbcUrl) {
        int attrs = jdbcUrl.indexOf(';');
        String base = attrs < 0 ? jdbcUrl : jdbcUrl.substring(0, attrs);
        try {
            DriverManager.getConnection(base + ";shutdown=true").close();
        } catch (SQLException e) {
            if (DATABASE_SHUTDOWN.equals(e.getSQLState()) || SYSTEM_SHUTDOWN.equals(e.getSQLState())) {
                return;
            }
            throw new SyncException(SyncErrorCode.STORAGE_FAILED, "Derby database " + base + " did not shut down", e);
        }
        throw new SyncException(SyncErrorCode.STORAGE_FAILED,
                "Derby database " + base + " did not report its shutdown (expected SQL state 08006).");
    }
}
