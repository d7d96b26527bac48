package dev.wedge.scanner.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScannerEndpointOptionsTest {

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void findsTheComponentThroughItsServiceFile() {
        assertThat(context.getComponent("scanner")).isInstanceOf(ScannerComponent.class);
    }

    @Test
    void readsEveryOptionIncludingDurations() {
        ScannerEndpoint e = context.getEndpoint("scanner:pack-2?port=/dev/ttyUSB0&baudRate=115200&dataBits=7"
                + "&parity=EVEN&stopBits=2&flowControl=RTS_CTS&suffix=CRLF&maxFrameLength=200"
                + "&reconnectDelay=250ms&maxReconnectDelay=2s", ScannerEndpoint.class);
        assertThat(e.getLogicalId()).isEqualTo("pack-2");
        assertThat(e.getConfiguration().getBaudRate()).isEqualTo(115200);
        assertThat(e.getConfiguration().getReconnectDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(e.getConfiguration().getMaxReconnectDelay()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void refusesABadOptionNamingIt() {
        assertThatThrownBy(() -> context.getEndpoint("scanner:pack-2?port=/dev/ttyUSB0&baudRate=12345"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("baudRate 12345");
        assertThatThrownBy(() -> context.getEndpoint("scanner:pack-2?port=/dev/ttyUSB0&stopBits=3"))
                .hasMessageContaining("stopBits '3'");
        assertThatThrownBy(() -> context.getEndpoint("scanner:pack-2?port=/dev/ttyUSB0&dataBits=9"))
                .hasMessageContaining("dataBits 9");
        assertThatThrownBy(() -> context.getEndpoint("scanner:pack-2?baudRate=9600"))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> context.getEndpoint("scanner:pack-2?port=/dev/x&reconnectDelay=2s&maxReconnectDelay=1s"))
                .hasMessageContaining("maxReconnectDelay PT1S");
        assertThatThrownBy(() -> context.getEndpoint("scanner:pack-2?port=/dev/x&bogus=1"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("bogus");
        assertThatThrownBy(() -> context.getEndpoint("scanner:c?transport=TCP_CLIENT&tcpPort=2001"))
                .hasMessageContaining("host option");
        assertThatThrownBy(() -> context.getEndpoint("scanner:c?transport=TCP_SERVER&tcpPort=70000"))
                .hasMessageContaining("tcpPort 70000");
        assertThatThrownBy(() -> context.getEndpoint("scanner:c?port=/dev/x&framing=FIXED_LENGTH"))
                .hasMessageContaining("frameLength 0");
    }

    @Test
    void refusesStxEtxFramingWhosePrefixAndSuffixAreTheSameByteWhenTheEndpointIsCreated() {
        // The framer refused this only when the consumer started, long after the URI was read.
        assertThatThrownBy(() -> context.getEndpoint("scanner:c?port=/dev/x&framing=STX_ETX&prefix=ETX&suffix=ETX"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("prefix 'ETX' and suffix 'ETX'");
        assertThatThrownBy(() -> context.getEndpoint("scanner:c?port=/dev/x&framing=STX_ETX&prefix=0x03"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("prefix '0x03'");
    }

    @Test
    void namesTheReconnectOptionThatIsWrong() {
        assertThatThrownBy(() -> context.getEndpoint("scanner:c?port=/dev/x&reconnectDelay=0s"))
                .hasMessageContaining("reconnectDelay PT0S");
        assertThatThrownBy(() -> context.getEndpoint("scanner:c?port=/dev/x&reconnectDelay=2s&maxReconnectDelay=1s"))
                .hasMessageContaining("maxReconnectDelay PT1S");
    }

    @Test
    void refusesAConsumerForADeviceThatAnotherScannerAlreadyReads() throws Exception {
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("scanner:a?port=/nonexistent/tty0").to("mock:a");
                from("scanner:b?port=/nonexistent/tty0").to("mock:b");
            }
        });
        assertThatThrownBy(context::start).hasStackTraceContaining("already read by scanner:a");
    }

    @Test
    void startsTwoListeningScannersThatBothAskForAnyFreePort() throws Exception {
        // tcpPort=0 lets the system choose; two such listeners never share a port, so they are two devices.
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("scanner:a?transport=TCP_SERVER&tcpPort=0&host=127.0.0.1").to("mock:a");
                from("scanner:b?transport=TCP_SERVER&tcpPort=0&host=127.0.0.1").to("mock:b");
            }
        });
        context.start();
        assertThat(context.getComponent("scanner", ScannerComponent.class).statuses())
                .extracting(dev.wedge.scanner.ScannerStatus::scannerId).containsExactly("a", "b");
    }
}
