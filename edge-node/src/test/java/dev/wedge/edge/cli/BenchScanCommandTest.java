package dev.wedge.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchScanCommandTest {

    @Test
    void refusesEachOptionOutOfRangeNamingOnlyThatOption() {
        assertRefused("wedge bench scan: --clients must be 1..500, not 0", "--clients", "0");
        assertRefused("wedge bench scan: --clients must be 1..500, not 1000000", "--clients", "1000000");
        assertRefused("wedge bench scan: --rate must be 1..2000 scans a second, not 0", "--rate", "0");
        assertRefused("wedge bench scan: --rate must be 1..2000 scans a second, not 2147483647", "--rate",
                "2147483647");
        assertRefused("wedge bench scan: --seconds must be 1..600, not -3", "--seconds", "-3");
        assertRefused("wedge bench scan: --warm-up must be 0..300 seconds, not -1", "--warm-up", "-1");
    }

    @Test
    void refusesDurationsThatWouldOverflowInsteadOfFailingWithAStackTrace() {
        assertRefused("wedge bench scan: --seconds must be 1..600, not 2147483647", "--seconds", "2147483647",
                "--warm-up", "2147483647");
        assertRefused("wedge bench scan: --warm-up must be 0..300 seconds, not 2147483647", "--warm-up",
                "2147483647");
    }

    private static void assertRefused(String expected, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "bench";
        args[1] = "scan";
        System.arraycopy(options, 0, args, 2, options.length);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = new CommandLine(new WedgeCommand()).execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo(expected);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
