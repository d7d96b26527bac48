package dev.wedge.edge.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The simulated scanner: writes frames, each ended by CR LF, into the feed end of a pty pair the way a
 * serial scanner would. To exercise the framing it sends the second frame in two pieces and the third and
 * fourth together in one write.
 */
public final class ScanFeeder {

    private final Path feed;
    private final Duration pause;

    /** @param pause the time between two scans, as a person at the dock would take */
    public ScanFeeder(Path feed, Duration pause) {
        this.feed = feed;
        this.pause = pause;
    }

    public void feed(List<String> frames) throws IOException, InterruptedException {
        try (OutputStream out = Files.newOutputStream(feed)) {
            for (int i = 0; i < frames.size(); i++) {
                byte[] frame = (frames.get(i) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                if (i == 1) {
                    int half = frame.length / 2;
                    out.write(frame, 0, half);
                    out.flush();
                    // A gap long enough that the reader sees the first half on its own.
                    Thread.sleep(50);
                    out.write(frame, half, frame.length - half);
                } else if (i == 2 && i + 1 < frames.size()) {
                    byte[] next = (frames.get(++i) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                    byte[] both = new byte[frame.length + next.length];
                    System.arraycopy(frame, 0, both, 0, frame.length);
                    System.arraycopy(next, 0, both, frame.length, next.length);
                    out.write(both);
                } else {
                    out.write(frame);
                }
                out.flush();
                Thread.sleep(pause.toMillis());
            }
        }
    }
}
