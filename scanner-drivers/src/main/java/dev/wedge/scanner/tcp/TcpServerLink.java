package dev.wedge.scanner.tcp;

import dev.wedge.scanner.link.Link;
import dev.wedge.scanner.link.LinkConnection;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A fixed-mount reader that dials Wedge: Wedge listens on a port and reads the one reader connected to it. The
 * listening socket is bound at the first {@link #open()} and kept until {@link #close()}; a reader that connects
 * again after a drop is accepted as the new connection.
 */
public final class TcpServerLink implements Link {

    private static final int ACCEPT_MILLIS = 250;

    private final String bindHost;
    private final int port;
    private volatile ServerSocket server;
    private volatile boolean closed;

    public TcpServerLink(String bindHost, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("tcpPort " + port + " is not 0 to 65535");
        }
        this.bindHost = bindHost;
        this.port = port;
    }

    @Override
    public LinkConnection open() throws IOException {
        ServerSocket listening = listening();
        try {
            Socket socket = listening.accept();
            return new SocketConnection(socket);
        } catch (SocketTimeoutException e) {
            throw new IOException("no reader has connected to port " + listening.getLocalPort() + " yet", e);
        }
    }

    private synchronized ServerSocket listening() throws IOException {
        if (closed) {
            throw new IOException("the listening socket on port " + port + " is closed");
        }
        if (server == null) {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            InetAddress address = bindHost == null || bindHost.isBlank() ? null : InetAddress.getByName(bindHost);
            s.bind(new InetSocketAddress(address, port), 1);
            s.setSoTimeout(ACCEPT_MILLIS);
            server = s;
        }
        return server;
    }

    /** The bound port (useful when configured as 0), or -1 before the first open. */
    public int localPort() {
        ServerSocket s = server;
        return s == null ? -1 : s.getLocalPort();
    }

    @Override
    public String describe() {
        return "listening " + (bindHost == null ? "*" : bindHost) + ":" + port;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // Nothing depends on a clean close of the listening socket.
            }
            server = null;
        }
    }
}
