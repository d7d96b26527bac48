package dev.wedge.scanner.frame;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuffixFramerTest {

    private final List<String> frames = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();
    private final FrameSink sink = new FrameSink() {
        @Override
        public void frame(byte[] frame) {
            frames.add(new String(frame, StandardCharsets.ISO_8859_1));
        }

        @Override
        public void rejected(String reason) {
            rejected.add(reason);
        }
    };

    private void feed(Framer framer, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        framer.accept(bytes, 0, bytes.length, 0, sink);
    }

    @Test
    void endsFramesAtCrOrLfCountingCrlfOnceAndSkippingEmptyFrames() {
        Framer framer = new SuffixFramer(Suffixes.parse("EOL"), 100);
        feed(framer, "A1\r\nB2\rC3\n\n\r\nD4");
        assertThat(frames).containsExactly("A1", "B2", "C3");
        feed(framer, "\r");
        assertThat(frames).containsExactly("A1", "B2", "C3", "D4");
    }

    @Test
    void joinsAMultiByteSuffixSplitAcrossReads() {
        Framer framer = new SuffixFramer(Suffixes.parse("CRLF"), 100);
        feed(framer, "ABC\r");
        feed(framer, "\nDEF\rX\r\n");
        assertThat(frames).containsExactly("ABC", "DEF\rX");
    }

    @Test
    void dropsAndCountsAFrameLongerThanTheMaximumThenReadsTheNextOne() {
        Framer framer = new SuffixFramer(Suffixes.parse("EOL"), 4);
        feed(framer, "1234\r12345\r");
        feed(framer, "123456789");
        feed(framer, "0\rOK\r");
        assertThat(frames).containsExactly("1234", "OK");
        assertThat(rejected).hasSize(2);
    }

    @Test
    void findsACrlfSuffixThatStraddlesTheOverflowPoint() {
        Framer framer = new SuffixFramer(Suffixes.parse("CRLF"), 3);
        feed(framer, "ABCD\r\nOK\r\n");
        assertThat(frames).containsExactly("OK");
        assertThat(rejected).hasSize(1);
    }

    @Test
    void readsNamedHexAndLiteralSuffixes() {
        assertThat(Suffixes.parse("TAB").get(0)).containsExactly('\t');
        assertThat(Suffixes.parse("etx").get(0)).containsExactly(3);
        assertThat(Suffixes.parse("0x0D0A").get(0)).containsExactly('\r', '\n');
        assertThat(Suffixes.parse("#").get(0)).containsExactly('#');
        assertThatThrownBy(() -> Suffixes.parse("0xABC")).hasMessageContaining("suffix '0xABC'");
        assertThatThrownBy(() -> Suffixes.parse("")).hasMessageContaining("suffix");
    }

    @Test
    void dropsThePartialFrameOnReset() {
        Framer framer = new SuffixFramer(Suffixes.parse("EOL"), 100);
        feed(framer, "HALF");
        framer.reset();
        feed(framer, "WHOLE\r");
        assertThat(frames).containsExactly("WHOLE");
    }
}
