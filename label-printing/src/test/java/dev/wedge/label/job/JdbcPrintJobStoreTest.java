package dev.wedge.label.job;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;

class JdbcPrintJobStoreTest extends PrintJobStoreContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** A new in-memory Derby database with the db/label migrations applied. */
    static EmbeddedDataSource migratedDatabase() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:label-jobs-" + DATABASES.incrementAndGet() + "-" + System.nanoTime());
        ds.setCreateDatabase("create");
        Flyway.configure().dataSource(ds).locations("classpath:db/label").table("flyway_label_history").load().migrate();
        return ds;
    }

    @Override
    protected PrintJobStore newStore() {
        return new JdbcPrintJobStore(migratedDatabase());
    }
}
