package dev.wedge.scanner.frame;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FramerPropertyTest {

    private static List<Framer> framers(int max) {
        return List.of(new SuffixFramer(Suffixes.parse("EOL"), max), new SuffixFramer(Suffixes.parse("CRLF"), max),
                new StxEtxFramer((byte) 2, (byte) 3, max), new FixedLengthFramer(Math.min(max, 7), Duration.ofMillis(5)),
                new IdleGapFramer(Duration.ofMillis(5), max));
    }

    @Property(tries = 300)
    void garbageNeverThrowsAndNeverYieldsAFrameAboveTheMaximum(@ForAll @Size(max = 2000) byte[] bytes,
                                                                @ForAll @IntRange(min = 1, max = 64) int max,
                                                                @ForAll @IntRange(min = 1, max = 50) int chunk) {
        for (Framer framer : framers(max)) {
            List<byte[]> frames = new ArrayList<>();
            FrameSink sink = new FrameSink() {
                @Override
                public void frame(byte[] frame) {
                    frames.add(frame);
                }

                @Override
                public void rejected(String reason) {
                    assertThat(reason).isNotBlank();
                }
            };
            long t = 0;
            for (int i = 0; i < bytes.length; i += chunk) {
                framer.accept(bytes, i, Math.min(chunk, bytes.length - i), t, sink);
                t += 1_000_000L * (i % 7);
                framer.idle(t, sink);
            }
            framer.idle(t + 1_000_000_000L, sink);
            assertThat(frames).allSatisfy(f -> assertThat(f.length).isBetween(1, max));
        }
    }

    @Property(tries = 300)
    void suffixFramingCutsTheSameFramesHoweverTheBytesAreChunked(@ForAll @Size(max = 30) List<@StringLength(min = 1, max = 20) String> scans,
                                                                 @ForAll @IntRange(min = 1, max = 17) int chunk) {
        List<String> clean = scans.stream().map(s -> s.replaceAll("[\\r\\n]", "x")).toList();
        byte[] stream = String.join("\r\n", clean).concat("\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Framer framer = new SuffixFramer(Suffixes.parse("CRLF"), 4096);
        List<String> frames = new ArrayList<>();
        FrameSink sink = new FrameSink() {
            @Override
            public void frame(byte[] frame) {
                frames.add(new String(frame, java.nio.charset.StandardCharsets.UTF_8));
            }

            @Override
            public void rejected(String reason) {
                frames.add("REJECTED " + reason);
            }
        };
        for (int i = 0; i < stream.length; i += chunk) {
            framer.accept(stream, i, Math.min(chunk, stream.length - i), 0, sink);
        }
        assertThat(frames).containsExactlyElementsOf(clean);
    }
}
