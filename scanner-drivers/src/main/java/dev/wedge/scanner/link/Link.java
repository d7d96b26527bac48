package dev.wedge.scanner.link;

import java.io.IOException;

/**
 * A way to reach one scanner: a serial port, a TCP reader Wedge dials, or a TCP reader that dials Wedge.
 * {@link #open()} may block up to a short timeout and fails with an {@link IOException} when the device is
 * absent; the {@link LinkReader} then retries.
 */
public interface Link {

    /** Connects to the device. */
    LinkConnection open() throws IOException;

    /** Where the device is, for status and log lines ("/dev/ttyUSB0", "10.0.0.7:2001"). */
    String describe();

    /** Releases anything the link holds between connections (a listening socket); default none. */
    default void close() {
    }
}
