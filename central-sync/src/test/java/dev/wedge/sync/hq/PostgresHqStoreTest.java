package dev.wedge.sync.hq;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wedge.sync.internal.PooledDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The {@link HqStoreContract} against a real PostgreSQL, in a schema of its own that is dropped afterwards.
 * Runs only when {@code WEDGE_TEST_PG_URL} names a reachable server, for example
 * {@code jdbc:postgresql://localhost:5432/wedge_test?user=wedge&password=wedge} (a user allowed to create
 * schemas in that database).
 */
class PostgresHqStoreTest extends HqStoreContract {
    static final String ENV = "WEDGE_TEST_PG_URL";
    private static String baseUrl;
    private static String schema;
    private static PooledDataSource dataSource;
    private static PostgresHqStore shared;

    @BeforeAll
    static void connectOrSkip() {
        baseUrl = System.getenv(ENV);
        assumeTrue(baseUrl != null && !baseUrl.isBlank(), "PostgreSQL tests skipped: " + ENV + " is not set");
        schema = "wedge_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(baseUrl); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            assumeTrue(false, "PostgreSQL tests skipped: no server usable at " + ENV + "=" + baseUrl + " ("
                    + e.getMessage() + ")");
        }
        dataSource = new PooledDataSource(baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                null, null, 4);
        shared = PostgresHqStore.migrateAndOpen(dataSource);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (dataSource == null) {
            return;
        }
        dataSource.close();
        try (Connection c = DriverManager.getConnection(baseUrl); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Override
    protected HqStore newStore() {
        // One schema for the class; every contract test uses its own warehouse id.
        return shared;
    }
}
