package dev.wedge.edge.dispatch.hq;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * One warehouse's schema in HQ's dispatch database: the edge's {@code db/dispatch} tables plus
 * {@code db/dispatch-hq}, each migrated with its own history table inside the schema. Every connection starts
 * in that schema, so the edge's dispatch code (which names tables without a schema) runs over it unchanged.
 */
final class WarehouseSchema implements DataSource {
    private final String url;
    private final String schema;

    private WarehouseSchema(String url, String schema) {
        this.url = url;
        this.schema = schema;
    }

    /** Opens (creating and migrating when new) the schema of the warehouse. */
    static WarehouseSchema open(String url, String warehouseId) {
        WarehouseSchema s = new WarehouseSchema(url, name(warehouseId));
        for (String folder : new String[] {"dispatch", "dispatch-hq"}) {
            Flyway.configure().dataSource(url, null, null).schemas(s.schema).defaultSchema(s.schema)
                    .locations("classpath:db/" + folder).table("flyway_" + folder.replace('-', '_'))
                    .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        }
        return s;
    }

    /**
     * The schema's name: {@code DW_} and the id's letters and digits, then the id's hash so that ids differing only
     * in punctuation ({@code WH-1}, {@code WH_1}) never share a schema.
     */
    static String name(String warehouseId) {
        return "DW_" + warehouseId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_"
                + Integer.toHexString(warehouseId.hashCode()).toUpperCase(Locale.ROOT);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement st = c.createStatement()) {
            st.execute("SET SCHEMA " + schema);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Connections come from DriverManager, which logs on its own.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // Embedded Derby opens without a network; there is nothing to time out.
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("WarehouseSchema wraps nothing");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
