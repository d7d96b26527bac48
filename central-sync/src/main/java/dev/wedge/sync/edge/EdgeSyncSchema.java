package dev.wedge.sync.edge;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades the edge's sync tables ({@code sync_outbox}, {@code sync_outbox_counter}) with Flyway
 * from {@code classpath:db/sync-edge}, keeping its own history table {@value #HISTORY_TABLE} so that it can
 * share a database and schema with the application's tables.
 */
public final class EdgeSyncSchema {
    /** Flyway history table of the edge sync migrations. */
    public static final String HISTORY_TABLE = "flyway_sync_edge";
    /** Classpath location of the edge sync migrations. */
    public static final String LOCATION = "classpath:db/sync-edge";

    private EdgeSyncSchema() {
    }

    /** Applies every pending migration; safe to call on every start. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                // The schema may already hold the application's tables (with their own history table).
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
