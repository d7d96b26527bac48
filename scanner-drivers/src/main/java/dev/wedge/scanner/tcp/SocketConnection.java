package dev.wedge.scanner.tcp;

import dev.wedge.scanner.link.LinkConnection;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A TCP connection to a fixed-mount reader, read with a short timeout so the reader thread stays responsive. */
final class SocketConnection implements LinkConnection {

    static final int POLL_MILLIS = 50;

    private final Socket socket;
    private final InputStream in;
    private final String peer;

    SocketConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.peer = String.valueOf(socket.getRemoteSocketAddress());
        socket.setSoTimeout(POLL_MILLIS);
        socket.setKeepAlive(true);
        this.in = socket.getInputStream();
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        try {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("reader " + peer + " closed the connection");
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a socket that already failed has nothing left to report.
        }
    }
}
