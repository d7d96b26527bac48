package dev.wedge.scanner.frame;

import java.time.Duration;

/**
 * Frames of exactly N bytes, for scanners that send fixed-size records with no terminator. Because one lost
 * byte would shift every later frame, a partial frame left waiting longer than the idle gap is dropped, so the
 * next scan starts a fresh frame.
 */
public final class FixedLengthFramer implements Framer {

    private final int length;
    private final long gapNanos;
    private final FrameBuffer buffer;
    private long lastByteAt;

    public FixedLengthFramer(int length, Duration resyncGap) {
        if (length < 1) {
            throw new IllegalArgumentException("frameLength " + length + " must be at least 1");
        }
        this.length = length;
        this.gapNanos = resyncGap.toNanos();
        this.buffer = new FrameBuffer(length);
    }

    @Override
    public void accept(byte[] data, int offset, int count, long nanoTime, FrameSink sink) {
        idle(nanoTime, sink);
        for (int i = offset; i < offset + count; i++) {
            buffer.add(data[i]);
            if (buffer.size() == length) {
                sink.frame(buffer.take(length));
            }
        }
        lastByteAt = nanoTime;
    }

    @Override
    public void idle(long nanoTime, FrameSink sink) {
        if (buffer.size() > 0 && nanoTime - lastByteAt > gapNanos) {
            sink.rejected("a partial frame of " + buffer.size() + " of " + length + " bytes timed out");
            buffer.clear();
        }
    }

    @Override
    public void reset() {
        buffer.clear();
    }
}
