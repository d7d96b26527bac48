package dev.wedge.sync.hq;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades HQ's tables with Flyway from {@code classpath:db/sync-hq} (history table
 * {@value #HISTORY_TABLE}).
 */
public final class HqSchema {
    /** Flyway history table of the HQ migrations. */
    public static final String HISTORY_TABLE = "flyway_sync_hq";
    /** Classpath location of the HQ migrations for embedded Derby. */
    public static final String LOCATION = "classpath:db/sync-hq";

    private HqSchema() {
    }

    /** Applies every pending migration from {@link #LOCATION}; safe to call on every start. */
    public static void migrate(DataSource dataSource) {
        migrate(dataSource, LOCATION);
    }

    /** Applies every pending migration from the given location (another database's dialect). */
    public static void migrate(DataSource dataSource, String location) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(location)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
