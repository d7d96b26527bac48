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

class BenchSyncCommandIT {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new BenchSyncCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    @Test
    void shortFaultRunPrintsOneJsonObjectWithNothingLostOrDuplicated(@TempDir Path dir) throws Exception {
        int code = run("--faults", "5", "--movements", "150", "--seed", "42", "--work-dir",
                dir.resolve("run").toString(), "--timeout-seconds", "120");

        assertThat(code).as("out: %s%nerr: %s", out, err).isZero();
        JsonNode json = WireCodec.mapper().readTree(out.toString());
        assertThat(json.get("faults").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(json.get("records").asLong()).isEqualTo(150);
        assertThat(json.get("lost").asLong()).isZero();
        assertThat(json.get("duplicated").asLong()).isZero();
        assertThat(json.get("convergeSeconds").isNumber()).isTrue();
        assertThat(json.get("checksumsMatch").asBoolean()).isTrue();
    }

}
