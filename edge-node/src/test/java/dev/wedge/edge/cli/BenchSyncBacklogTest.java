package dev.wedge.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchSyncBacklogTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new BenchSyncCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    @Test
    void backlogOfZeroIsRefusedWithAOneLineReason() {
        int code = run("--backlog", "0");

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().trim()).contains("--backlog 0").doesNotContain("\n");
    }

    @Test
    void backlogRunRefusesANonEmptyWorkDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("something"), "x");

        assertThat(run("--backlog", "10", "--work-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("must be empty");
        assertThat(Files.list(dir)).hasSize(1);
    }

    @Test
    void backlogRunRefusesAnHqStoreUrlThatIsNotPostgresql() {
        assertThat(run("--backlog", "10", "--hq-postgres", "jdbc:derby:memory:x")).isEqualTo(2);
        assertThat(err.toString().trim()).contains("--hq-postgres").doesNotContain("\n");
        assertThat(out.toString()).isEmpty();
    }
}
