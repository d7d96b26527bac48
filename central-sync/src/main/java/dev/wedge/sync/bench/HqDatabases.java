package dev.wedge.sync.bench;

import dev.wedge.sync.SyncException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * Where the benchmark keeps HQ's store for each of its phases: a new embedded Derby database in the work
 * directory (the default), or a new schema in a PostgreSQL database, dropped again when the phase ends, so a
 * run never reads an earlier run's records.
 */
abstract sealed class HqDatabases {
    /** One phase's database: its JDBC URL for {@code HqSettings}, removed or shut down on close. */
    interface Phase extends AutoCloseable {
        String jdbcUrl();

        @Override
        void close() throws SQLException;
    }

    /** Derby databases {@code dir/<phase>}. */
    static HqDatabases derby(Path dir) {
        return new Derby(dir);
    }

    /**
     * Schemas in the PostgreSQL database at {@code baseUrl} ({@code jdbc:postgresql://host:port/db?user=..}); the
     * user needs the right to create schemas there.
     */
    static HqDatabases postgres(String baseUrl) {
        if (baseUrl == null || !baseUrl.startsWith("jdbc:postgresql:")) {
            throw SyncException.invalid("HQ PostgreSQL URL '" + baseUrl + "' must start with 'jdbc:postgresql:'.");
        }
        return new Postgres(baseUrl);
    }

    /** A store of its own for the phase called {@code name}. */
    abstract Phase open(String name) throws SQLException;

    /** "derby" or "postgresql", for the printed figures. */
    abstract String kind();

    private static final class Derby extends HqDatabases {
        private final Path dir;

        Derby(Path dir) {
            this.dir = dir;
        }

        @Override
        Phase open(String name) {
            String url = "jdbc:derby:" + dir.resolve(name);
            return new Phase() {
                @Override
                public String jdbcUrl() {
                    return url + ";create=true";
                }

                @Override
                public void close() {
                    // HqServer.stop() shuts its Derby database down; nothing is left to remove.
                }
            };
        }

        @Override
        String kind() {
            return "derby";
        }
    }

    private static final class Postgres extends HqDatabases {
        private static final SecureRandom RANDOM = new SecureRandom();
        private final String baseUrl;

        Postgres(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        @Override
        Phase open(String name) throws SQLException {
            byte[] suffix = new byte[6];
            RANDOM.nextBytes(suffix);
            String schema = "wedge_bench_" + name.replaceAll("[^A-Za-z0-9]", "_") + "_" + HexFormat.of().formatHex(suffix);
            execute("CREATE SCHEMA " + schema);
            String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new Phase() {
                @Override
                public String jdbcUrl() {
                    return url;
                }

                @Override
                public void close() throws SQLException {
                    execute("DROP SCHEMA " + schema + " CASCADE");
                }
            };
        }

        private void execute(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(baseUrl); Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }

        @Override
        String kind() {
            return "postgresql";
        }
    }
}
