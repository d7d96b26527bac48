package dev.wedge.edge.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One open {@code text/event-stream} response. Writes are asynchronous and one at a time (Jetty refuses a write
 * while one is pending): {@link #offer} declines while the previous write is under way, and the feed offers
 * the newest event again on its next tick. A failed write (the client went away) closes the sink.
 *
 * <p>Thread-safe.
 */
final class EventSink {

    private final Response response;
    private final Callback done;
    private final AtomicBoolean writing = new AtomicBoolean();
    private volatile boolean closed;

    EventSink(Response response, Callback done) {
        this.response = response;
        this.done = done;
    }

    /** Starts writing {@code text}; false when closed or a write is still pending. */
    boolean offer(String text) {
        if (closed || !writing.compareAndSet(false, true)) {
            return false;
        }
        response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), Callback.from(
                () -> writing.set(false), this::failed));
        return true;
    }

    /** Ends the response; false while a write is pending (try again later). */
    boolean close() {
        if (closed) {
            return true;
        }
        if (!writing.compareAndSet(false, true)) {
            return false;
        }
        closed = true;
        response.write(true, ByteBuffer.allocate(0), done);
        return true;
    }

    boolean isClosed() {
        return closed;
    }

    private void failed(Throwable cause) {
        closed = true;
        done.failed(cause);
    }
}
