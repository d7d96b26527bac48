package dev.wedge.scanner.link;

import java.io.Closeable;
import java.io.IOException;

/** One open connection to a scanner. Used by one reading thread. */
public interface LinkConnection extends Closeable {

    /**
     * Reads what has arrived, waiting at most a short poll interval.
     *
     * @return the number of bytes read, 0 when nothing arrived in the poll interval
     * @throws IOException when the device went away (unplugged, peer closed); the connection is then dead
     */
    int read(byte[] buffer) throws IOException;

    @Override
    void close();
}
