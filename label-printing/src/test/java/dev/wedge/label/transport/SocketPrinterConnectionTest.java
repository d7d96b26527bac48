package dev.wedge.label.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.label.status.HostStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SocketPrinterConnectionTest {

    private final ServerSocket server = babblingPeer();
    private final SocketPrinterConnection connection = new SocketPrinterConnection("dock-1",
            new PrinterAddress("127.0.0.1", server.getLocalPort()),
            new PrinterTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)));

    @AfterEach
    void stop() throws IOException {
        connection.close();
        server.close();
    }

    @Test
    void givesUpOnAReplyThatNeverEndsInsteadOfBufferingIt() {
        assertThatThrownBy(() -> connection.query("~HS", HostStatus::isComplete))
                .isInstanceOfSatisfying(PrinterUnavailableException.class,
                        e -> assertThat(e.code()).isEqualTo(PrinterFailureCode.MALFORMED_STATUS))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1_000));
        assertThat(connection.isOpen()).isFalse();
    }

    /** A peer that answers any query with an endless stream of text that is never a complete reply. */
    private static ServerSocket babblingPeer() {
        try {
            ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            Thread thread = new Thread(() -> babble(socket), "babbling-printer");
            thread.setDaemon(true);
            thread.start();
            return socket;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on loopback", e);
        }
    }

    private static void babble(ServerSocket socket) {
        byte[] noise = new byte[8192];
        Arrays.fill(noise, (byte) 'x');
        try (Socket client = socket.accept(); OutputStream out = client.getOutputStream()) {
            client.getInputStream().read();
            while (true) {
                out.write(noise);
            }
        } catch (IOException e) {
            // The connection under test gave up and closed, or the test ended: the peer stops.
        }
    }
}
