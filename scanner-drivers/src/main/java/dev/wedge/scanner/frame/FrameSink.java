package dev.wedge.scanner.frame;

/** Receives what a {@link Framer} cuts out of the byte stream. Called on the reading thread. */
public interface FrameSink {

    /** One complete frame, without its framing bytes; never empty. The array is the sink's to keep. */
    void frame(byte[] frame);

    /** Bytes that were dropped, with the reason (too long, no start byte, ...). */
    void rejected(String reason);
}
