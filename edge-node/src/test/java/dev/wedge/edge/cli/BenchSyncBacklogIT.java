package dev.wedge.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wedge.sync.wire.WireCodec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchSyncBacklogIT {
    @Test
    void smallBacklogRunPrintsRatesLatencyAndAnExactLedgerComparison(@TempDir Path dir) throws Exception {
        assertExactRun(dir, "derby");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "WEDGE_TEST_PG_URL", matches = "jdbc:postgresql:.*",
            disabledReason = "PostgreSQL tests skipped: WEDGE_TEST_PG_URL is not set")
    void smallBacklogRunWithHqOnPostgresqlIsExactAndLeavesNoSchemaBehind(@TempDir Path dir) throws Exception {
        String url = System.getenv("WEDGE_TEST_PG_URL");
        int schemasBefore = benchSchemas(url);
        assertExactRun(dir, "postgresql", "--hq-postgres", url);
        assertThat(benchSchemas(url)).isEqualTo(schemasBefore);
    }

    private static int benchSchemas(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.schemata"
                        + " WHERE schema_name LIKE 'wedge_bench_%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Runs a small backlog benchmark with the extra arguments and checks that its ledgers agree exactly. */
    private static void assertExactRun(Path dir, String store, String... extra) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new BenchSyncCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(List.of("--backlog", "3000", "--ingest-records", "500", "--work-dir",
                dir.resolve("run").toString()));
        args.addAll(List.of(extra));

        int code = cmd.execute(args.toArray(String[]::new));

        assertThat(code).as("out: %s%nerr: %s", out, err).isZero();
        JsonNode json = WireCodec.mapper().readTree(out.toString());
        assertThat(json.get("movements").asInt()).isEqualTo(3000);
        assertThat(json.get("hqStore").asText()).isEqualTo(store);
        assertThat(json.get("records").asLong()).isGreaterThanOrEqualTo(3000)
                .isEqualTo(json.get("hqRecords").asLong());
        assertThat(json.get("lost").asLong()).as(out.toString()).isZero();
        assertThat(json.get("duplicated").asLong()).as(out.toString()).isZero();
        assertThat(json.get("stillPendingAtEdge").asLong()).as(out.toString()).isZero();
        assertThat(json.get("drainRatePerSecond").asLong()).isPositive();
        assertThat(json.get("hqIngest").get("records").asLong()).isEqualTo(2000);
        assertThat(json.get("liveLatencyMillis").has("samples")).isTrue();
    }
}
