package dev.wedge.scanner.serial;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real pseudo-terminal pair made by socat: Wedge opens {@link #devicePath()} as its serial port while the test
 * writes scanner output into {@link #feedPath()}. {@link #unplug()} ends socat, which removes both links, as a
 * pulled USB scanner removes its device node; {@link #plugIn()} makes the pair again at the same paths.
 */
public final class SocatPty implements AutoCloseable {

    private final Path device;
    private final Path feed;
    private Process socat;
    private OutputStream feedStream;

    public SocatPty(Path dir, String name) {
        this.device = dir.resolve(name);
        this.feed = dir.resolve(name + "-feed");
    }

    /** A pair that is already plugged in. */
    public static SocatPty started(Path dir, String name) throws IOException {
        SocatPty pty = new SocatPty(dir, name);
        pty.plugIn();
        return pty;
    }

    public Path devicePath() {
        return device;
    }

    public Path feedPath() {
        return feed;
    }

    /** Starts socat and waits until both link paths exist. */
    public void plugIn() throws IOException {
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + feed)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(device) && Files.exists(feed));
        feedStream = Files.newOutputStream(feed);
    }

    /** Writes bytes as the scanner would send them. */
    public void write(byte[] bytes) throws IOException {
        feedStream.write(bytes);
        feedStream.flush();
    }

    public void write(String text) throws IOException {
        write(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** Ends socat and waits until the device path is gone. */
    public void unplug() throws InterruptedException {
        if (socat == null) {
            return;
        }
        try {
            feedStream.close();
        } catch (IOException ignored) {
            // The pty may already be gone; closing it is only tidying up.
        }
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        socat = null;
        await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(device));
    }

    @Override
    public void close() throws InterruptedException {
        unplug();
    }
}
