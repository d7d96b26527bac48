package dev.wedge.edge.dispatch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SmtpClientTest {

    @Test
    void aLineStartingWithADotIsStuffedAndTheServerGetsTheTextBack() throws Exception {
        try (LoopbackSmtpServer server = new LoopbackSmtpServer()) {
            new SmtpClient("127.0.0.1", server.port(), "a@wh.test", Duration.ofSeconds(5))
                    .send("b@shop.test", "Hello", "first\n.second\n..third");

            assertThat(server.mails()).singleElement().satisfies(m -> {
                assertThat(m.to()).isEqualTo("b@shop.test");
                assertThat(m.data()).contains("Subject: Hello\n", "\nfirst\n.second\n..third\n");
            });
        }
    }

    @Test
    void aRecipientTheRelayRefusesFailsNamingTheStep() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> relay = CompletableFuture.runAsync(() -> refuseRecipients(socket));
            SmtpClient client = new SmtpClient("127.0.0.1", socket.getLocalPort(), "a@wh.test", Duration.ofSeconds(5));

            assertThatThrownBy(() -> client.send("nobody@shop.test", "Hi", "text"))
                    .isInstanceOf(RecipientRefusedException.class).hasMessageContaining("550").hasMessageContaining("RCPT TO nobody@shop.test");
            relay.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRecipientRefusedOnlyForNowIsAnOrdinaryFailureThatMayPassLater() throws Exception {
        try (LoopbackSmtpServer server = new LoopbackSmtpServer()) {
            SmtpClient client = new SmtpClient("127.0.0.1", server.port(), "a@wh.test", Duration.ofSeconds(5));

            assertThatThrownBy(() -> client.send("busy@shop.test", "Hi", "text")).isInstanceOf(IOException.class)
                    .isNotInstanceOf(RecipientRefusedException.class).hasMessageContaining("451");
            assertThat(server.mails()).isEmpty();
        }
    }

    @Test
    void anAddressThatIsNotOneIsRefusedBeforeConnecting() {
        SmtpClient client = new SmtpClient("127.0.0.1", 1, "a@wh.test", Duration.ofSeconds(1));
        assertThatThrownBy(() -> client.send("x>@y\r\nRCPT TO:<z@w", "Hi", "text"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an e-mail address");
    }

    private static void refuseRecipients(ServerSocket socket) {
        try (Socket s = socket.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            out.write("220 relay\r\n".getBytes(StandardCharsets.US_ASCII));
            String line;
            while ((line = in.readLine()) != null) {
                String reply = line.startsWith("RCPT") ? "550 no such user" : line.startsWith("QUIT") ? "221 bye" : "250 OK";
                out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // the client hung up after the refusal
        }
    }
}
