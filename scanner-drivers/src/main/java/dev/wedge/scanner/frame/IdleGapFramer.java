package dev.wedge.scanner.frame;

import java.time.Duration;

/**
 * Ends a frame when the line falls silent for the idle gap, for scanners configured with no suffix at all.
 * The gap must be longer than the pause between two bytes of one scan and shorter than the pause between scans.
 */
public final class IdleGapFramer implements Framer {

    private final long gapNanos;
    private final int maxFrameLength;
    private final FrameBuffer buffer;
    private boolean dropping;
    private long lastByteAt;

    public IdleGapFramer(Duration gap, int maxFrameLength) {
        if (gap == null || gap.isNegative() || gap.isZero()) {
            throw new IllegalArgumentException("idleGap " + gap + " must be positive");
        }
        this.gapNanos = gap.toNanos();
        this.maxFrameLength = maxFrameLength;
        this.buffer = new FrameBuffer(maxFrameLength);
    }

    @Override
    public void accept(byte[] data, int offset, int length, long nanoTime, FrameSink sink) {
        idle(nanoTime, sink);
        for (int i = offset; i < offset + length; i++) {
            if (!dropping && !buffer.add(data[i])) {
                dropping = true;
                buffer.clear();
            }
        }
        lastByteAt = nanoTime;
    }

    @Override
    public void idle(long nanoTime, FrameSink sink) {
        if ((buffer.size() > 0 || dropping) && nanoTime - lastByteAt >= gapNanos) {
            if (dropping) {
                sink.rejected("a frame longer than maxFrameLength " + maxFrameLength + " was dropped");
                dropping = false;
            } else {
                sink.frame(buffer.take(buffer.size()));
            }
        }
    }

    /** A closed connection is silence that lasts: the bytes held are a whole frame. */
    @Override
    public void endOfStream(FrameSink sink) {
        idle(lastByteAt + gapNanos, sink);
    }

    @Override
    public void reset() {
        buffer.clear();
        dropping = false;
    }
}
