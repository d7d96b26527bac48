package dev.wedge.sync.hq;

import javax.sql.DataSource;

/**
 * {@link HqStore} on PostgreSQL, for an HQ that outgrows one embedded database. It shares the SQL of
 * {@link JdbcHqStore} (which both databases accept); the schema comes from {@value #LOCATION} in PostgreSQL
 * types. The savepoint around every first-time insert keeps a lost race from aborting the PostgreSQL
 * transaction.
 */
public final class PostgresHqStore extends JdbcHqStore {
    /** Classpath location of the PostgreSQL migrations. */
    public static final String LOCATION = "classpath:db/sync-hq-postgresql";

    private PostgresHqStore(DataSource dataSource) {
        super(dataSource);
    }

    /** Migrates the database's schema (history table {@value HqSchema#HISTORY_TABLE}) and returns a store on it. */
    public static PostgresHqStore migrateAndOpen(DataSource dataSource) {
        HqSchema.migrate(dataSource, LOCATION);
        return new PostgresHqStore(dataSource);
    }

    /** True when the JDBC URL names a PostgreSQL database. */
    public static boolean handles(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
