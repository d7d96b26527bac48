package dev.wedge.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchConveyorCommandTest {

    @Test
    void refusesARateOutsideWhatASorterCanDoWithAOneLineReason() {
        Result r = run("bench", "conveyor", "--rate", "0", "--seconds", "5");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo("wedge bench conveyor: --rate must be 1..3600000 parcels an hour, not 0");
        assertThat(r.out).isEmpty();
    }

    @Test
    void refusesANonPositiveDuration() {
        Result r = run("bench", "conveyor", "--rate", "40000", "--seconds", "-3");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("--seconds must be 1..3600, not -3");
    }

    @Test
    void refusesANegativeWarmUp() {
        Result r = run("bench", "conveyor", "--warm-up-parcels", "-1");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo("wedge bench conveyor: --warm-up-parcels must be 0..100000, not -1");
    }

    @Test
    void percentilesPickTheValueAtOrAboveTheRank() {
        double[] sorted = new double[1000];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i + 1;
        }
        assertThat(BenchConveyorCommand.pct(sorted, 50)).isEqualTo(500);
        assertThat(BenchConveyorCommand.pct(sorted, 99)).isEqualTo(990);
        assertThat(BenchConveyorCommand.pct(sorted, 99.9)).isEqualTo(999);
        assertThat(BenchConveyorCommand.pct(new double[0], 99)).isNaN();
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new WedgeCommand()).execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
