package dev.wedge.edge.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The edge node's embedded Derby database: opens it, migrates each module's schema folder with its own
 * history table, and shuts it down cleanly.
 *
 * <p>Connections come straight from the embedded driver; Derby opens them in microseconds and keeps its
 * page cache per database, so no pool is needed on an edge box.
 */
public final class EdgeDatabase implements DataSource, AutoCloseable {

    /** The schema folders on the class path and their history tables, in the order they are applied (edge views read label-printing's jobs). */
    public static final List<String> SCHEMA_FOLDERS = List.of("label", "edge", "sync-edge", "inventory", "picking",
            "auth", "dispatch", "conveyor");

    private final String url;

    public EdgeDatabase(String url) {
        this.url = url;
    }

    /** Opens (creating if asked by the URL) and migrates the database. */
    public void migrate() {
        for (String folder : SCHEMA_FOLDERS) {
            Flyway.configure()
                    .dataSource(this)
                    .locations("classpath:db/" + folder)
                    .table("flyway_" + folder.replace('-', '_'))
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    /**
     * Shuts the database down. Derby reports a clean shutdown by throwing SQLState 08006; any other state is
     * a real failure and is rethrown.
     */
    @Override
    public void close() throws SQLException {
        String base = url.split(";", 2)[0];
        try {
            DriverManager.getConnection(base + ";shutdown=true").close();
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Derby logs to derby.log; nothing to redirect here.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("Derby's embedded driver does not use java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("EdgeDatabase does not wrap " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
