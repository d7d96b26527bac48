package dev.wedge.scanner.link;

import java.time.Instant;

/**
 * What a {@link LinkReader} reports, on its reading thread. Implementations must not throw; the reader
 * nevertheless contains anything they throw so that reading goes on.
 */
public interface LinkListener {

    /** One complete frame as text (the reader's charset), without framing bytes. */
    void onFrame(String frame, Instant receivedAt);

    /** A frame was dropped by the framer. */
    default void onRejected(String reason) {
    }

    /** The device was connected ({@code up}) or lost; {@code reason} says why it is down, else null. */
    default void onStateChanged(boolean up, String reason) {
    }

    /** Something failed that the reader could contain (a listener threw, an unexpected error). */
    default void onError(Throwable error) {
    }
}
