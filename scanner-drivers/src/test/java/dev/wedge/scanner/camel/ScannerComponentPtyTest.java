package dev.wedge.scanner.camel;

import dev.wedge.scanner.ScanEvent;
import dev.wedge.scanner.ScannerStatus;
import dev.wedge.scanner.serial.SocatPty;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ScannerComponentPtyTest {

    @TempDir
    Path dir;

    private CamelContext context;
    private ScannerComponent component;
    private SocatPty pty;

    @BeforeEach
    void createContext() {
        context = new DefaultCamelContext();
        component = new ScannerComponent();
        context.addComponent("scanner", component);
    }

    @AfterEach
    void stopAll() throws Exception {
        context.stop();
        if (pty != null) {
            pty.close();
        }
    }

    private MockEndpoint route(String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("scanner:pack-2?port=" + dir.resolve("scanner") + options).to("mock:scans");
            }
        });
        context.start();
        return context.getEndpoint("mock:scans", MockEndpoint.class);
    }

    private void awaitUp() {
        await().atMost(Duration.ofSeconds(5)).until(() -> component.statuses().get(0).up());
    }

    @Test
    void joinsAFrameThatArrivesInTwoWrites() throws Exception {
        pty = SocatPty.started(dir, "scanner");
        MockEndpoint scans = route("&baudRate=115200");
        scans.expectedMessageCount(1);
        awaitUp();

        pty.write("]C101095212345432");
        pty.write("1310ABC\r\n");

        MockEndpoint.assertIsSatisfied(context, 5, TimeUnit.SECONDS);
        ScanEvent event = scans.getExchanges().get(0).getIn().getBody(ScanEvent.class);
        assertThat(event.scannerId()).isEqualTo("pack-2");
        assertThat(event.symbology()).isEqualTo("]C1");
        assertThat(event.data()).isEqualTo("010952123454321310ABC");
        assertThat(scans.getExchanges().get(0).getIn().getHeader(ScannerConstants.SYMBOLOGY)).isEqualTo("]C1");
    }

    @Test
    void splitsTwoFramesThatArriveInOneWriteAndKeepsTheGroupSeparator() throws Exception {
        pty = SocatPty.started(dir, "scanner");
        MockEndpoint scans = route("");
        scans.expectedMessageCount(2);
        awaitUp();

        pty.write("]d20109521234543213\u001D10ABC\r\n]Q3LOC-A-01\r\n");

        MockEndpoint.assertIsSatisfied(context, 5, TimeUnit.SECONDS);
        List<ScanEvent> events = scans.getExchanges().stream().map(e -> e.getIn().getBody(ScanEvent.class)).toList();
        assertThat(events).extracting(ScanEvent::symbology).containsExactly("]d2", "]Q3");
        assertThat(events).extracting(ScanEvent::data).containsExactly("0109521234543213\u001D10ABC", "LOC-A-01");
        assertThat(component.statuses().get(0).frames()).isEqualTo(2);
    }

    @Test
    void startsWithThePortAbsentShowsDownThenReadsOnceItAppears() throws Exception {
        MockEndpoint scans = route("&reconnectDelay=50ms&maxReconnectDelay=200ms");
        await().atMost(Duration.ofSeconds(5)).until(() -> component.statuses().get(0).lastError() != null);
        ScannerStatus down = component.statuses().get(0);
        assertThat(down.up()).isFalse();
        assertThat(down.lastError()).contains("does not exist");

        pty = SocatPty.started(dir, "scanner");
        awaitUp();
        scans.expectedMessageCount(1);
        pty.write("PLAIN123\r");

        MockEndpoint.assertIsSatisfied(context, 5, TimeUnit.SECONDS);
        ScanEvent event = scans.getExchanges().get(0).getIn().getBody(ScanEvent.class);
        assertThat(event.symbology()).isEmpty();
        assertThat(event.data()).isEqualTo("PLAIN123");
    }

    @Test
    void reportsTheScannerDownWhenUnpluggedAndResumesWhenPluggedBack() throws Exception {
        pty = SocatPty.started(dir, "scanner");
        MockEndpoint scans = route("&baudRate=115200");
        awaitUp();
        scans.expectedMessageCount(1);
        pty.write("FIRST\r\n");
        MockEndpoint.assertIsSatisfied(context, 5, TimeUnit.SECONDS);

        pty.unplug();
        await().atMost(Duration.ofSeconds(5)).until(() -> !component.statuses().get(0).up());
        pty.plugIn();
        await().atMost(Duration.ofSeconds(2)).until(() -> component.statuses().get(0).up());
        scans.reset();
        scans.expectedMessageCount(2);
        pty.write("SECOND\r\nTHIRD\r\n");

        MockEndpoint.assertIsSatisfied(context, 5, TimeUnit.SECONDS);
        assertThat(scans.getExchanges()).extracting(e -> e.getIn().getBody(ScanEvent.class).data())
                .containsExactly("SECOND", "THIRD");
        ScannerStatus status = component.statuses().get(0);
        assertThat(status.frames()).isEqualTo(3);
        assertThat(status.lastFrameAt()).isNotNull();
    }

    @Test
    void sendsARouteFailureToTheExceptionHandlerAndKeepsReading() throws Exception {
        pty = SocatPty.started(dir, "scanner");
        java.util.List<Throwable> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("scanner:pack-9?port=" + dir.resolve("scanner")
                        + "&exceptionHandler=#handler&bridgeErrorHandler=false")
                        .process(e -> {
                            if (e.getIn().getBody(ScanEvent.class).data().equals("BOOM")) {
                                throw new IllegalStateException("route failed on purpose");
                            }
                        })
                        .to("mock:after");
            }
        });
        context.getRegistry().bind("handler", (org.apache.camel.spi.ExceptionHandler) new org.apache.camel.spi.ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                handled.add(exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                handled.add(exception);
            }

            @Override
            public void handleException(String message, org.apache.camel.Exchange exchange, Throwable exception) {
                handled.add(exception);
            }
        });
        context.start();
        MockEndpoint after = context.getEndpoint("mock:after", MockEndpoint.class);
        after.expectedMessageCount(1);
        awaitUp();

        pty.write("BOOM\rFINE\r");

        MockEndpoint.assertIsSatisfied(context, 5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> !handled.isEmpty());
        assertThat(handled.get(0)).hasMessageContaining("route failed on purpose");
        assertThat(component.statuses().get(0).up()).isTrue();
    }

    @Test
    void countsADoubleReadWithinTheDuplicateWindowAsOneScan() throws Exception {
        pty = SocatPty.started(dir, "scanner");
        MockEndpoint scans = route("&duplicateWindow=5s");
        awaitUp();
        scans.expectedMessageCount(2);
        // Proves "exactly two": the repeat must not arrive during the assert period either.
        scans.setAssertPeriod(300);

        pty.write("]C100376104250021234569\r\n]C100376104250021234569\r\n]C100376104250021234576\r\n");

        MockEndpoint.assertIsSatisfied(context, 5, TimeUnit.SECONDS);
        assertThat(scans.getExchanges()).extracting(e -> e.getIn().getBody(ScanEvent.class).data())
                .containsExactly("00376104250021234569", "00376104250021234576");
    }
}
