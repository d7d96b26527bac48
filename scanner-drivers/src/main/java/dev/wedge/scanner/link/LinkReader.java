package dev.wedge.scanner.link;

import dev.wedge.scanner.ScannerStatus;
import dev.wedge.scanner.frame.FrameSink;
import dev.wedge.scanner.frame.Framer;

import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one scanner for as long as it runs: connects, reads, frames, reports frames to the listener; when the
 * device is absent or goes away it reports the scanner down and reconnects with capped backoff.
 *
 * <p>{@link #run()} is the body of the one thread that owns the link; it returns only after {@link #stop()}.
 * It never throws: every failure goes to the status and to {@link LinkListener#onError}. {@link #status()} and
 * {@link #stop()} may be called from any thread.
 */
public final class LinkReader implements Runnable {

    private final String scannerId;
    private final Link link;
    private final Framer framer;
    private final Charset charset;
    private final Backoff backoff;
    private final LinkListener listener;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile boolean up;
    private volatile String lastError;
    private volatile Instant lastFrameAt;

    public LinkReader(String scannerId, Link link, Framer framer, Charset charset, Backoff backoff,
                      LinkListener listener) {
        this.scannerId = Objects.requireNonNull(scannerId, "scannerId");
        this.link = Objects.requireNonNull(link, "link");
        this.framer = Objects.requireNonNull(framer, "framer");
        this.charset = Objects.requireNonNull(charset, "charset");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void run() {
        int failures = 0;
        while (!isStopping()) {
            LinkConnection connection;
            try {
                connection = link.open();
            } catch (IOException | RuntimeException e) {
                failures++;
                markDown(link.describe() + " cannot be opened: " + describe(e));
                pause(failures);
                continue;
            }
            if (isStopping()) {
                connection.close();
                break;
            }
            failures = 0;
            markUp();
            String reason = readUntilLost(connection);
            connection.close();
            framer.reset();
            if (!isStopping()) {
                failures++;
                markDown(reason);
                pause(failures);
            }
        }
        up = false;
        link.close();
    }

    private String readUntilLost(LinkConnection connection) {
        byte[] buffer = new byte[4096];
        FrameSink sink = new Sink();
        while (!isStopping()) {
            try {
                int n = connection.read(buffer);
                long now = System.nanoTime();
                if (n > 0) {
                    framer.accept(buffer, 0, n, now, sink);
                } else {
                    framer.idle(now, sink);
                }
            } catch (IOException e) {
                framer.endOfStream(sink);
                return link.describe() + " was lost: " + describe(e);
            } catch (RuntimeException e) {
                safely(() -> listener.onError(e));
                return link.describe() + " failed while reading: " + describe(e);
            }
        }
        return null;
    }

    private final class Sink implements FrameSink {
        @Override
        public void frame(byte[] frame) {
            Instant at = Instant.now();
            frames.incrementAndGet();
            lastFrameAt = at;
            String text = new String(frame, charset);
            safely(() -> listener.onFrame(text, at));
        }

        @Override
        public void rejected(String reason) {
            rejected.incrementAndGet();
            lastError = reason;
            safely(() -> listener.onRejected(reason));
        }
    }

    private void markUp() {
        up = true;
        safely(() -> listener.onStateChanged(true, null));
    }

    private void markDown(String reason) {
        boolean wasUp = up;
        up = false;
        boolean changed = wasUp || !Objects.equals(lastError, reason);
        lastError = reason;
        if (changed) {
            safely(() -> listener.onStateChanged(false, reason));
        }
    }

    private void pause(int failures) {
        try {
            stopped.await(backoff.delayAfter(failures).toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
    }

    private void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            try {
                listener.onError(e);
            } catch (RuntimeException handlerFailure) {
                // The listener's own error handler failed; nothing is left to tell, and reading must go on.
                lastError = "listener error handler failed: " + describe(handlerFailure);
            }
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private boolean isStopping() {
        return stopped.getCount() == 0 || Thread.currentThread().isInterrupted();
    }

    /**
     * Asks the reading thread to finish. Reads return within their poll interval, so the thread ends soon after;
     * the link is closed so that a blocking accept returns at once.
     */
    public void stop() {
        stopped.countDown();
        link.close();
    }

    /** A snapshot of this scanner's state. */
    public ScannerStatus status() {
        return new ScannerStatus(scannerId, up, frames.get(), rejected.get(), lastError, lastFrameAt);
    }
}
