package dev.wedge.scanner.frame;

/**
 * Frames that start with one byte and end with another (STX ... ETX by default). Bytes outside a frame are
 * garbage: each run of them is dropped and reported once. A start byte inside a frame abandons the partial
 * frame (the scanner restarted) and begins a new one.
 */
public final class StxEtxFramer implements Framer {

    private final byte start;
    private final byte end;
    private final int maxFrameLength;
    private final FrameBuffer buffer;
    private boolean inFrame;
    private boolean dropping;
    private int garbage;

    public StxEtxFramer(byte start, byte end, int maxFrameLength) {
        if (start == end) {
            throw new IllegalArgumentException("prefix and suffix must differ for STX/ETX framing");
        }
        this.start = start;
        this.end = end;
        this.maxFrameLength = maxFrameLength;
        this.buffer = new FrameBuffer(maxFrameLength);
    }

    @Override
    public void accept(byte[] data, int offset, int length, long nanoTime, FrameSink sink) {
        for (int i = offset; i < offset + length; i++) {
            byte b = data[i];
            if (b == start) {
                reportGarbage(sink);
                if (inFrame && (buffer.size() > 0 || dropping)) {
                    sink.rejected("a frame was cut short by a new start byte");
                }
                buffer.clear();
                inFrame = true;
                dropping = false;
            } else if (!inFrame) {
                garbage++;
            } else if (b == end) {
                endFrame(sink);
            } else if (!dropping && !buffer.add(b)) {
                dropping = true;
                buffer.clear();
            }
        }
    }

    private void endFrame(FrameSink sink) {
        inFrame = false;
        if (dropping) {
            dropping = false;
            sink.rejected("a frame longer than maxFrameLength " + maxFrameLength + " was dropped");
        } else if (buffer.size() > 0) {
            sink.frame(buffer.take(buffer.size()));
        }
        buffer.clear();
    }

    private void reportGarbage(FrameSink sink) {
        if (garbage > 0) {
            sink.rejected(garbage + " bytes outside a start/end frame were dropped");
            garbage = 0;
        }
    }

    @Override
    public void idle(long nanoTime, FrameSink sink) {
        reportGarbage(sink);
    }

    @Override
    public void reset() {
        buffer.clear();
        inFrame = false;
        dropping = false;
        garbage = 0;
    }
}
