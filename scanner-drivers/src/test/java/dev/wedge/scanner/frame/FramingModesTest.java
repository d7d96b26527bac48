package dev.wedge.scanner.frame;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FramingModesTest {

    private static final long MS = 1_000_000L;
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

    private void feed(Framer framer, String text, long atMillis) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        framer.accept(bytes, 0, bytes.length, atMillis * MS, sink);
    }

    @Test
    void stxEtxAbandonsAFrameCutShortByANewStart() {
        Framer framer = new StxEtxFramer((byte) 2, (byte) 3, 10);
        feed(framer, "\u0002HALF\u0002WHOLE\u0003", 0);
        assertThat(frames).containsExactly("WHOLE");
        assertThat(rejected).singleElement().asString().contains("cut short");
    }

    @Test
    void stxEtxDropsAnOversizeFrame() {
        Framer framer = new StxEtxFramer((byte) 2, (byte) 3, 4);
        feed(framer, "\u000212345\u0003\u00021234\u0003", 0);
        assertThat(frames).containsExactly("1234");
        assertThat(rejected).hasSize(1);
    }

    @Test
    void fixedLengthDropsAStalePartialFrameToResynchronise() {
        Framer framer = new FixedLengthFramer(4, Duration.ofMillis(100));
        feed(framer, "AB", 0);
        feed(framer, "CDEF", 500);
        framer.idle(1000, sink);
        assertThat(frames).containsExactly("CDEF");
        assertThat(rejected).singleElement().asString().contains("2 of 4");
    }

    @Test
    void idleGapEndsAFrameOnSilenceOnly() {
        Framer framer = new IdleGapFramer(Duration.ofMillis(30), 100);
        feed(framer, "0109", 0);
        feed(framer, "5212", 10);
        framer.idle(20 * MS, sink);
        assertThat(frames).isEmpty();
        framer.idle(45 * MS, sink);
        assertThat(frames).containsExactly("01095212");
        feed(framer, "NEXT", 200);
        feed(framer, "ONE", 300);
        assertThat(frames).containsExactly("01095212", "NEXT");
    }

    @Test
    void framingSpecNamesTheOptionThatIsWrong() {
        assertThatThrownBy(() -> new FramingSpec(Framing.FIXED_LENGTH, "STX", "EOL", 0, Duration.ofMillis(50), 100))
                .hasMessageContaining("frameLength 0");
        assertThatThrownBy(() -> new FramingSpec(Framing.STX_ETX, "AB", "EOL", 0, Duration.ofMillis(50), 100))
                .hasMessageContaining("prefix 'AB'");
        assertThatThrownBy(() -> new FramingSpec(Framing.IDLE_GAP, "STX", "EOL", 0, Duration.ZERO, 100))
                .hasMessageContaining("idleGap");
        assertThatThrownBy(() -> new FramingSpec(Framing.SUFFIX, "STX", "EOL", 0, Duration.ofMillis(5), 0))
                .hasMessageContaining("maxFrameLength 0");
    }
}
