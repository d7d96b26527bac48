package dev.wedge.scanner.frame;

import java.util.Arrays;

/** A byte buffer bounded by a maximum frame length; shared by the framers. */
final class FrameBuffer {

    private final int max;
    private byte[] bytes = new byte[64];
    private int size;

    FrameBuffer(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maximum frame length " + max + " must be at least 1");
        }
        this.max = max;
    }

    /** Appends one byte; returns false, keeping nothing, when the buffer is full. */
    boolean add(byte b) {
        if (size == max) {
            return false;
        }
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(max, bytes.length * 2));
        }
        bytes[size++] = b;
        return true;
    }

    int size() {
        return size;
    }

    byte at(int i) {
        return bytes[i];
    }

    /** True when the buffer ends with {@code suffix}. */
    boolean endsWith(byte[] suffix) {
        if (size < suffix.length) {
            return false;
        }
        for (int i = 0; i < suffix.length; i++) {
            if (bytes[size - suffix.length + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first {@code length} bytes as a new array, then clears the buffer. */
    byte[] take(int length) {
        byte[] frame = Arrays.copyOf(bytes, length);
        clear();
        return frame;
    }

    void clear() {
        size = 0;
    }

    int max() {
        return max;
    }
}
