package dev.wedge.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wedge.sync.wire.WireCodec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchSyncBacklogIT {
    @Test
    void smallBacklogRunPrintsRatesLatencyAndAnExactLedgerComparison(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new BenchSyncCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));

        int code = cmd.execute("--backlog", "3000", "--ingest-records", "500", "--work-dir",
                dir.resolve("run").toString());

        JsonNode json = WireCodec.mapper().readTree(out.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(json.get("movements").asInt()).isEqualTo(3000);
        assertThat(json.get("records").asLong()).isGreaterThanOrEqualTo(3000)
                .isEqualTo(json.get("hqRecords").asLong());
        assertThat(json.get("lost").asLong()).isZero();
        assertThat(json.get("duplicated").asLong()).isZero();
        assertThat(json.get("stillPendingAtEdge").asLong()).isZero();
        assertThat(json.get("drainRatePerSecond").asLong()).isPositive();
        assertThat(json.get("hqIngest").get("records").asLong()).isEqualTo(2000);
        assertThat(json.get("liveLatencyMillis").has("samples")).isTrue();
    }
}
