package dev.wedge.scanner.camel;

import dev.wedge.scanner.ScanEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ScannerComponentTcpTest {

    private CamelContext context;
    private ScannerComponent component;

    @BeforeEach
    void createContext() {
        context = new DefaultCamelContext();
        component = new ScannerComponent();
        context.addComponent("scanner", component);
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private MockEndpoint route(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:scans");
            }
        });
        context.start();
        return context.getEndpoint("mock:scans", MockEndpoint.class);
    }

    private static void send(Socket socket, String text) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void keepsAnIdleGapFrameFromAReaderThatClosesTheConnectionRightAfterTheScan() throws Exception {
        // Some readers open a connection per scan and close it at once; the silence after the close ends the frame.
        try (ServerSocket reader = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            MockEndpoint scans = route("scanner:dock-3?transport=TCP_CLIENT&host=127.0.0.1&tcpPort="
                    + reader.getLocalPort() + "&framing=IDLE_GAP&idleGap=300ms&reconnectDelay=50ms");
            scans.expectedMessageCount(1);
            try (Socket first = reader.accept()) {
                send(first, "]C100376104250021234569");
            }
            MockEndpoint.assertIsSatisfied(context, 5, TimeUnit.SECONDS);
            ScanEvent scan = scans.getExchanges().get(0).getIn().getBody(ScanEvent.class);
            assertThat(scan.symbology()).isEqualTo("]C1");
            assertThat(scan.data()).isEqualTo("00376104250021234569");
        }
    }

    @Test
    void dialsTheReaderAndRedialsAfterTheReaderDropsTheConnection() throws Exception {
        try (ServerSocket reader = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            MockEndpoint scans = route("scanner:conveyor-1?transport=TCP_CLIENT&host=127.0.0.1&tcpPort="
                    + reader.getLocalPort() + "&framing=STX_ETX&reconnectDelay=50ms&maxReconnectDelay=200ms");
            scans.expectedMessageCount(3);
            try (Socket first = reader.accept()) {
                send(first, "\u0002]C100376104250021234569\u0003\u0002]C1");
                send(first, "00376104250021234576\u0003");
            }
            try (Socket second = reader.accept()) {
                send(second, "\u0002NOREAD\u0003");
                MockEndpoint.assertIsSatisfied(context, 5, TimeUnit.SECONDS);
            }
            assertThat(scans.getExchanges()).extracting(e -> e.getIn().getBody(ScanEvent.class).data())
                    .containsExactly("00376104250021234569", "00376104250021234576", "NOREAD");
            assertThat(component.statuses().get(0).frames()).isEqualTo(3);
            assertThat(component.statuses().get(0).lastError()).contains("closed the connection");
        }
    }

    @Test
    void listensForTheReaderAndAcceptsItAgainAfterItReconnects() throws Exception {
        int port = freePort();
        MockEndpoint scans = route("scanner:conveyor-2?transport=TCP_SERVER&host=127.0.0.1&tcpPort=" + port
                + "&suffix=CRLF&reconnectDelay=50ms&maxReconnectDelay=200ms");
        scans.expectedMessageCount(2);
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                send(s, "]E09501101530003\r\n");
                return true;
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> component.statuses().get(0).frames() == 1);
        try (Socket again = new Socket("127.0.0.1", port)) {
            send(again, "]E09501101530010\r\n");
            MockEndpoint.assertIsSatisfied(context, 5, TimeUnit.SECONDS);
        }
        assertThat(scans.getExchanges()).extracting(e -> e.getIn().getBody(ScanEvent.class).symbology())
                .containsExactly("]E0", "]E0");
    }

    @Test
    void showsTheReaderDownWhileNothingListensAtItsAddress() throws Exception {
        int port = freePort();
        route("scanner:conveyor-3?transport=TCP_CLIENT&host=127.0.0.1&tcpPort=" + port);
        await().atMost(Duration.ofSeconds(5)).until(() -> component.statuses().get(0).lastError() != null);
        assertThat(component.statuses().get(0).up()).isFalse();
        assertThat(component.statuses().get(0).lastError()).contains("127.0.0.1:" + port);
    }
}
