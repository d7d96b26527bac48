package dev.wedge.scanner.frame;

import java.util.List;

/**
 * Ends a frame at a suffix: one of several byte sequences. With the default "CR or LF" framing either byte ends
 * a frame, so CRLF ends one frame and the empty frame between CR and LF is skipped. Empty frames are never
 * delivered. A frame longer than the maximum is dropped up to its suffix and reported once.
 */
public final class SuffixFramer implements Framer {

    /** Longest suffix accepted: a suffix is a short terminator, not a delimiter protocol. */
    public static final int MAX_SUFFIX_LENGTH = 8;

    private final List<byte[]> suffixes;
    private final int maxFrameLength;
    private final FrameBuffer buffer;
    private final byte[] tail = new byte[MAX_SUFFIX_LENGTH];
    private int tailSize;
    private boolean dropping;

    /**
     * @param suffixes       the sequences that end a frame; each 1 to {@value #MAX_SUFFIX_LENGTH} bytes
     * @param maxFrameLength the longest frame kept, without its suffix
     */
    public SuffixFramer(List<byte[]> suffixes, int maxFrameLength) {
        if (suffixes == null || suffixes.isEmpty()
                || suffixes.stream().anyMatch(s -> s.length == 0 || s.length > MAX_SUFFIX_LENGTH)) {
            throw new IllegalArgumentException("a suffix framer needs suffixes of 1 to " + MAX_SUFFIX_LENGTH + " bytes");
        }
        this.suffixes = suffixes.stream().map(byte[]::clone).toList();
        this.maxFrameLength = maxFrameLength;
        int longest = this.suffixes.stream().mapToInt(s -> s.length).max().orElse(1);
        this.buffer = new FrameBuffer(maxFrameLength + longest);
    }

    @Override
    public void accept(byte[] data, int offset, int length, long nanoTime, FrameSink sink) {
        for (int i = offset; i < offset + length; i++) {
            byte b = data[i];
            if (dropping) {
                drop(b, sink);
            } else if (!buffer.add(b)) {
                startDropping();
                drop(b, sink);
            } else {
                endFrameIfSuffix(sink);
            }
        }
    }

    private void endFrameIfSuffix(FrameSink sink) {
        for (byte[] suffix : suffixes) {
            if (buffer.endsWith(suffix)) {
                int frameLength = buffer.size() - suffix.length;
                byte[] frame = buffer.take(frameLength);
                if (frameLength > maxFrameLength) {
                    sink.rejected("a frame of " + frameLength + " bytes is longer than maxFrameLength " + maxFrameLength);
                } else if (frameLength > 0) {
                    sink.frame(frame);
                }
                return;
            }
        }
    }

    /** Keeps the last bytes seen so a suffix split across the overflow point is still found. */
    private void startDropping() {
        dropping = true;
        tailSize = 0;
        int keep = Math.min(tail.length - 1, buffer.size());
        for (int i = buffer.size() - keep; i < buffer.size(); i++) {
            tail[tailSize++] = buffer.at(i);
        }
        buffer.clear();
    }

    private void drop(byte b, FrameSink sink) {
        if (tailSize == tail.length) {
            System.arraycopy(tail, 1, tail, 0, tail.length - 1);
            tailSize--;
        }
        tail[tailSize++] = b;
        for (byte[] suffix : suffixes) {
            if (tailEndsWith(suffix)) {
                dropping = false;
                tailSize = 0;
                sink.rejected("a frame longer than maxFrameLength " + maxFrameLength + " was dropped");
                return;
            }
        }
    }

    private boolean tailEndsWith(byte[] suffix) {
        if (tailSize < suffix.length) {
            return false;
        }
        for (int i = 0; i < suffix.length; i++) {
            if (tail[tailSize - suffix.length + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void reset() {
        buffer.clear();
        dropping = false;
        tailSize = 0;
    }
}
