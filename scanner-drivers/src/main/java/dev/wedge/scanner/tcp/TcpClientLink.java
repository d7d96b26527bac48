package dev.wedge.scanner.tcp;

import dev.wedge.scanner.link.Link;
import dev.wedge.scanner.link.LinkConnection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;

/** A fixed-mount reader that listens on TCP; Wedge dials it and redials after the connection drops. */
public final class TcpClientLink implements Link {

    private final String host;
    private final int port;
    private final Duration connectTimeout;

    public TcpClientLink(String host, int port, Duration connectTimeout) {
        this.host = Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("tcpPort " + port + " is not 1 to 65535");
        }
        this.port = port;
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    @Override
    public LinkConnection open() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, connectTimeout.toMillis()));
            return new SocketConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public String describe() {
        return host + ":" + port;
    }
}
