package dev.wedge.scanner.serial;

import dev.wedge.scanner.frame.Framer;
import dev.wedge.scanner.link.Backoff;
import dev.wedge.scanner.link.Link;
import dev.wedge.scanner.link.LinkListener;
import dev.wedge.scanner.link.LinkReader;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Runs a {@link LinkReader} on its own thread and records what it reports. */
public final class ReaderHarness implements AutoCloseable, LinkListener {

    public final List<String> frames = new CopyOnWriteArrayList<>();
    public final List<String> rejected = new CopyOnWriteArrayList<>();
    public final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final LinkReader reader;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    public ReaderHarness(Link link, Framer framer) {
        this(link, framer, new Backoff(Duration.ofMillis(100), Duration.ofMillis(500)));
    }

    public ReaderHarness(Link link, Framer framer, Backoff backoff) {
        reader = new LinkReader("test", link, framer, StandardCharsets.ISO_8859_1, backoff, this);
        thread.execute(reader);
    }

    public LinkReader reader() {
        return reader;
    }

    @Override
    public void onFrame(String frame, Instant receivedAt) {
        frames.add(frame);
    }

    @Override
    public void onRejected(String reason) {
        rejected.add(reason);
    }

    @Override
    public void onError(Throwable error) {
        errors.add(error);
    }

    @Override
    public void close() throws InterruptedException {
        reader.stop();
        thread.shutdown();
        if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the reader thread did not stop within 5 s");
        }
    }
}
