package dev.wedge.scanner.frame;

/**
 * Cuts a byte stream into scan frames. A framer keeps the partial frame between calls, so a frame that arrives
 * in several reads is joined, and several frames in one read are split. Never buffers more than its maximum
 * frame length: a longer frame is dropped and reported through {@link FrameSink#rejected}.
 *
 * <p>Not thread-safe: one framer belongs to one reading thread.
 */
public interface Framer {

    /** Feeds bytes received at {@code nanoTime} (a {@link System#nanoTime()} reading). */
    void accept(byte[] buffer, int offset, int length, long nanoTime, FrameSink sink);

    /** Tells the framer that nothing arrived up to {@code nanoTime}; framers that end frames on silence use it. */
    default void idle(long nanoTime, FrameSink sink) {
    }

    /**
     * Tells the framer that the connection ended after the bytes it was given: no more can follow. Framers that
     * end frames on silence deliver the frame they hold; the others keep what they have for {@link #reset()}.
     */
    default void endOfStream(FrameSink sink) {
    }

    /** Drops any partial frame, e.g. after the connection was lost. */
    void reset();
}
