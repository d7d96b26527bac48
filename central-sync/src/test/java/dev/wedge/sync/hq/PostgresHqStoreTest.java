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
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The {@link HqStoreContract} against a real PostgreSQL, in a schema of its own that is dropped afterwards.
 * Runs only when {@code WEDGE_TEST_PG_URL} names a reachable server, for example
 * {@code jdbc:postgresql://localhost:5432/wedge_test?user=wedge&password=wedge} (a user allowed to create
 * schemas in that database).
 */
@EnabledIfEnvironmentVariable(named = PostgresHqStoreTest.ENV, matches = ".+",
        disabledReason = "PostgreSQL tests skipped: WEDGE_TEST_PG_URL is not set")
class PostgresHqStoreTest extends HqStoreContract {
    static final String ENV = "WEDGE_TEST_PG_URL";
    private static String baseUrl;
    private static String schema;
    private static PooledDataSource dataSource;
    private static PostgresHqStore shared;
    private static String unusable;

    @BeforeAll
    static void connectOrSkip() {
        baseUrl = System.getenv(ENV);
        schema = "wedge_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(baseUrl); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            unusable = "PostgreSQL tests skipped: no server usable at " + ENV + "=" + baseUrl + " ("
                    + e.getMessage() + ")";
            System.err.println(unusable);
            return;
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

    @org.junit.jupiter.api.Test
    void hqServerOnPostgresqlReceivesBatchesFromAForwarder() throws Exception {
        assumeTrue(unusable == null, unusable);
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        HqServer hq = new HqServer(HqSettings.local(url));
        hq.start();
        try {
            dev.wedge.sync.testing.EdgeDatabase edge = new dev.wedge.sync.testing.EdgeDatabase("WH-PG");
            edge.commitMovements(30);
            dev.wedge.sync.edge.OutboxForwarder f = new dev.wedge.sync.edge.OutboxForwarder(edge.dataSource(),
                    "WH-PG", hq.uri(), dev.wedge.sync.edge.ForwarderSettings.defaults());
            f.start();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> edge.backlog() == 0);
            f.stop();
            org.assertj.core.api.Assertions.assertThat(hq.store().records("WH-PG"))
                    .extracting(r -> r.seq() + " " + r.key() + " " + r.kind() + " " + r.payload())
                    .containsExactlyElementsOf(edge.outboxLines());
        } finally {
            hq.stop();
        }
    }

    @Override
    protected HqStore newStore() {
        assumeTrue(unusable == null, unusable);
        // One schema for the class; every contract test uses its own warehouse id.
        return shared;
    }
}
