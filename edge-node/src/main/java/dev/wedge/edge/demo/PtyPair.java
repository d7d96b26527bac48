package dev.wedge.edge.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A pair of connected pseudo-terminals made by {@code socat}: a serial scanner driver opens {@link #device()}
 * as if it were a USB scanner, and whatever is written to {@link #feed()} arrives there as serial input.
 */
public final class PtyPair implements AutoCloseable {

    private final Path device;
    private final Path feed;
    private final Process socat;

    private PtyPair(Path device, Path feed, Process socat) {
        this.device = device;
        this.feed = feed;
        this.socat = socat;
    }

    /**
     * Starts socat and waits until both links exist.
     *
     * @throws IOException when socat is not installed or does not create the links within five seconds
     */
    public static PtyPair open(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path device = dir.resolve(name).toAbsolutePath();
        Path feed = dir.resolve(name + "-feed").toAbsolutePath();
        Files.deleteIfExists(device);
        Files.deleteIfExists(feed);
        Process p;
        try {
            p = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + feed)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("cannot start socat for a simulated serial scanner (install it: apt-get install"
                    + " socat): " + e.getMessage(), e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (!(Files.exists(device) && Files.exists(feed))) {
            if (!p.isAlive() || Instant.now().isAfter(deadline)) {
                p.destroyForcibly();
                throw new IOException("socat did not create the pty links " + device + " and " + feed);
            }
            try {
                p.waitFor(20, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IOException("interrupted while waiting for socat", e);
            }
        }
        return new PtyPair(device, feed, p);
    }

    /** The end a scanner driver opens. */
    public Path device() {
        return device;
    }

    /** The end the simulated scanner writes to. */
    public Path feed() {
        return feed;
    }

    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(2, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            socat.destroyForcibly();
        }
    }
}
