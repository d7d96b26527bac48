package dev.wedge.label.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;

class JdbcPrintJobStoreTest extends PrintJobStoreContract {

    private static EmbeddedDataSource database;

    /**
     * An in-memory Derby database with the db/label migrations applied, emptied for each caller. Migrating
     * once and emptying the tables keeps the tests fast; tests using it run one after another.
     */
    static synchronized EmbeddedDataSource emptyDatabase() {
        if (database == null) {
            EmbeddedDataSource ds = new EmbeddedDataSource();
            ds.setDatabaseName("memory:label-jobs-" + System.nanoTime());
            ds.setCreateDatabase("create");
            Flyway.configure().dataSource(ds).locations("classpath:db/label").table("flyway_label_history").load().migrate();
            database = ds;
        }
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM label_reprint_audit");
            s.executeUpdate("DELETE FROM label_print_job");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database", e);
        }
        return database;
    }

    @Override
    protected PrintJobStore newStore() {
        return new JdbcPrintJobStore(emptyDatabase());
    }
}
