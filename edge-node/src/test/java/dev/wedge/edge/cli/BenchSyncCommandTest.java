package dev.wedge.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchSyncCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new BenchSyncCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    @Test
    void negativeFaultCountIsRefusedWithAOneLineReason() {
        int code = run("--faults", "-1");

        assertThat(code).isNotZero();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().trim()).contains("--faults -1").doesNotContain("\n");
    }

    @Test
    void nonEmptyWorkDirectoryIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("something"), "x");

        assertThat(run("--faults", "1", "--work-dir", dir.toString())).isNotZero();
        assertThat(err.toString()).contains("must be empty");
    }
}
