package dev.wedge.scanner.serial;

import dev.wedge.scanner.frame.Framing;
import dev.wedge.scanner.frame.FramingSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SerialFramingPtyTest {

    @TempDir
    Path dir;

    private static SerialLink link(SocatPty pty, int baud) {
        return new SerialLink(new SerialSettings(pty.devicePath().toString(), baud, 8, Parity.NONE, StopBits.ONE,
                FlowControl.NONE));
    }

    private static FramingSpec spec(Framing framing, String suffix) {
        return new FramingSpec(framing, "STX", suffix, 6, Duration.ofMillis(80), 64);
    }

    private static void awaitUp(ReaderHarness harness) {
        await().atMost(Duration.ofSeconds(5)).until(() -> harness.reader().status().up());
    }

    @ParameterizedTest(name = "suffix {0}")
    @CsvSource({"CR,'\r'", "LF,'\n'", "CRLF,'\r\n'", "TAB,'\t'", "ETX,'\u0003'", "0x2324,'#$'", "EOL,'\r\n'"})
    void splitsAndJoinsFramesForEverySuffix(String suffix, String terminator) throws Exception {
        try (SocatPty pty = SocatPty.started(dir, "scanner");
             ReaderHarness harness = new ReaderHarness(link(pty, 115200), spec(Framing.SUFFIX, suffix).newFramer())) {
            awaitUp(harness);
            pty.write("]C1010952");
            pty.write("1234543213" + terminator + "LOC-7" + terminator + "]Q3X");
            pty.write("YZ" + terminator);

            await().atMost(Duration.ofSeconds(5)).until(() -> harness.frames.size() == 3);
            assertThat(harness.frames).containsExactly("]C10109521234543213", "LOC-7", "]Q3XYZ");
        }
    }

    @Test
    void readsStxEtxFramesAndDropsGarbageBetweenThem() throws Exception {
        try (SocatPty pty = SocatPty.started(dir, "scanner");
             ReaderHarness harness = new ReaderHarness(link(pty, 9600), spec(Framing.STX_ETX, "EOL").newFramer())) {
            awaitUp(harness);
            pty.write("\u0002ONE\u0003noise\u0002TW");
            pty.write("O\u0003\u0002THREE\u0003");

            await().atMost(Duration.ofSeconds(5)).until(() -> harness.frames.size() == 3);
            assertThat(harness.frames).containsExactly("ONE", "TWO", "THREE");
            assertThat(harness.rejected).hasSize(1).allMatch(r -> r.contains("5 bytes outside"));
        }
    }

    @Test
    void cutsFixedLengthFramesFromAContinuousStream() throws Exception {
        try (SocatPty pty = SocatPty.started(dir, "scanner");
             ReaderHarness harness = new ReaderHarness(link(pty, 19200), spec(Framing.FIXED_LENGTH, "EOL").newFramer())) {
            awaitUp(harness);
            pty.write("AAAAAABBB");
            pty.write("BBBCCCCCC");

            await().atMost(Duration.ofSeconds(5)).until(() -> harness.frames.size() == 3);
            assertThat(harness.frames).containsExactly("AAAAAA", "BBBBBB", "CCCCCC");
        }
    }

    @Test
    void endsAFrameWhenTheLineFallsSilent() throws Exception {
        try (SocatPty pty = SocatPty.started(dir, "scanner");
             ReaderHarness harness = new ReaderHarness(link(pty, 38400), spec(Framing.IDLE_GAP, "EOL").newFramer())) {
            awaitUp(harness);
            pty.write("0109521234543213");
            await().atMost(Duration.ofSeconds(5)).until(() -> harness.frames.size() == 1);
            pty.write("LOC-9");
            await().atMost(Duration.ofSeconds(5)).until(() -> harness.frames.size() == 2);
            assertThat(harness.frames).containsExactly("0109521234543213", "LOC-9");
        }
    }

    @Test
    void dropsAndCountsAnOversizeFrameAndKeepsReading() throws Exception {
        try (SocatPty pty = SocatPty.started(dir, "scanner");
             ReaderHarness harness = new ReaderHarness(link(pty, 115200), spec(Framing.SUFFIX, "EOL").newFramer())) {
            awaitUp(harness);
            pty.write("X".repeat(500) + "\r\nGOOD\r\n\u0000\u00FF\u0013garbage-but-short\r\n");

            await().atMost(Duration.ofSeconds(5)).until(() -> harness.frames.size() == 2);
            assertThat(harness.frames).containsExactly("GOOD", "\u0000\u00FF\u0013garbage-but-short");
            assertThat(harness.reader().status().rejectedFrames()).isEqualTo(1);
        }
    }

    @Test
    void reopensPortAfterUnplugWithinTwoSecondsAndLosesNoFrameWrittenAfterwards() throws Exception {
        SocatPty pty = SocatPty.started(dir, "scanner");
        try (ReaderHarness harness = new ReaderHarness(link(pty, 115200), spec(Framing.SUFFIX, "EOL").newFramer())) {
            awaitUp(harness);
            pty.write("BEFORE\r");
            await().atMost(Duration.ofSeconds(5)).until(() -> harness.frames.size() == 1);

            pty.unplug();
            await().atMost(Duration.ofSeconds(5)).until(() -> !harness.reader().status().up());
            assertThat(harness.reader().status().lastError()).isNotBlank();

            pty.plugIn();
            await().atMost(Duration.ofSeconds(2)).until(() -> harness.reader().status().up());
            for (int i = 0; i < 50; i++) {
                pty.write("AFTER-" + i + "\r\n");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> harness.frames.size() == 51);
            assertThat(harness.frames.subList(1, 51)).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, 50).mapToObj(i -> "AFTER-" + i).toList());
        } finally {
            pty.close();
        }
    }
}
