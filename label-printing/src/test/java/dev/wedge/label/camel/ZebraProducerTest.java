package dev.wedge.label.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.wedge.label.transport.PrinterFailureCode;
import dev.wedge.label.transport.PrinterUnavailableException;
import dev.wedge.label.transport.RetryablePrinterException;
import dev.wedge.label.virtual.ReceivedLabel;
import dev.wedge.label.virtual.VirtualZebraPrinter;
import dev.wedge.label.zpl.ZplWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZebraProducerTest {

    private final VirtualZebraPrinter printer = new VirtualZebraPrinter();
    private CamelContext camel;
    private ProducerTemplate producer;
    private ZebraComponent zebra;

    @BeforeEach
    void start() {
        int port = printer.start(0);
        zebra = new ZebraComponent();
        zebra.addPrinter("dock-1", "127.0.0.1", port);
        camel = new DefaultCamelContext();
        camel.addComponent("zebra", zebra);
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        printer.stop();
    }

    private static String label(String text) {
        return new ZplWriter().startFormat().text(10, 10, 30, text).endFormat().toZpl();
    }

    @Test
    void printsTheBodyOnTheConfiguredPrinter() {
        producer.sendBody("zebra:dock-1?connectTimeout=2s&writeTimeout=2s", label("Pallet 1 ^XZ"));

        await().atMost(Duration.ofSeconds(5)).until(() -> printer.labels().size() == 1);
        assertThat(printer.labels()).extracting(ReceivedLabel::fieldTexts)
                .containsExactly(java.util.List.of("Pallet 1 ^XZ"));
    }

    @Test
    void sendsJobsFromManyThreadsWholeAndInOrderPerThreadOverOneConnection() throws Exception {
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    producer.sendBody("zebra:dock-1", label("t" + id + "-" + i));
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join(10_000);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> printer.labels().size() == 100);
        assertThat(printer.labels()).extracting(l -> l.fieldTexts().get(0)).doesNotHaveDuplicates()
                .filteredOn(s -> s.startsWith("t2-"))
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 25).mapToObj(i -> "t2-" + i).toList());
    }

    @Test
    void setsThePrinterIdHeader() {
        var exchange = producer.request("zebra:dock-1", e -> e.getIn().setBody(label("x")));

        assertThat(exchange.getMessage().getHeader(ZebraConstants.PRINTER_ID)).isEqualTo("dock-1");
        assertThat(exchange.getMessage().getHeader(ZebraConstants.BYTES_SENT, Integer.class)).isPositive();
    }

    @Test
    void failsAtEndpointCreationForAPrinterThatIsNotConfigured() {
        assertThatThrownBy(() -> camel.getEndpoint("zebra:dock-9"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("dock-9");
    }

    @Test
    void rejectsANonPositiveTimeoutNamingTheOption() {
        assertThatThrownBy(() -> camel.getEndpoint("zebra:dock-1?writeTimeout=0s"))
                .hasMessageContaining("write timeout");
    }

    @Test
    void throwsARetryablePrinterUnavailableExceptionWhenThePrinterIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        zebra.addPrinter("dock-2", "127.0.0.1", closedPort);

        assertThatThrownBy(() -> producer.sendBody("zebra:dock-2?connectTimeout=1s", label("lost")))
                .isInstanceOf(CamelExecutionException.class)
                .cause()
                .isInstanceOf(PrinterUnavailableException.class)
                .isInstanceOf(RetryablePrinterException.class)
                .hasMessageContaining("dock-2")
                .extracting(e -> ((RetryablePrinterException) e).code())
                .isEqualTo(PrinterFailureCode.UNREACHABLE);
    }

    @Test
    void failsBeforeSendingWhenThePrinterReportsPaperOut() {
        printer.setPaperOut(true);

        assertThatThrownBy(() -> producer.sendBody("zebra:dock-1", label("held")))
                .cause()
                .isInstanceOf(dev.wedge.label.transport.PrinterNotReadyException.class)
                .hasMessageContaining("PAPER_OUT");
        assertThat(printer.waitingLabels()).isZero();
    }

    @Test
    void reportsTheHostStatusBeforeAndAfterTheJob() {
        var exchange = producer.request("zebra:dock-1", e -> e.getIn().setBody(label("x")));

        assertThat(exchange.getMessage().getHeader(ZebraConstants.STATUS_AFTER,
                dev.wedge.label.status.HostStatus.class).isReady()).isTrue();
    }

    @Test
    void sharesOneConnectionBetweenRoutesAndCodeThatAsksForThePrinter() throws Exception {
        producer.sendBody("zebra:dock-1", label("via route"));
        var direct = zebra.printer("dock-1", dev.wedge.label.transport.PrinterTimeouts.DEFAULTS);

        direct.send(label("direct"));

        await().atMost(Duration.ofSeconds(5)).until(() -> printer.labels().size() == 2);
        assertThat(printer.connectionsAccepted()).isEqualTo(1);
        assertThatThrownBy(() -> zebra.printer("dock-7", dev.wedge.label.transport.PrinterTimeouts.DEFAULTS))
                .hasMessageContaining("dock-7");
    }

    @Test
    void isFoundThroughItsServiceFileWithoutBeingAdded() throws Exception {
        try (CamelContext other = new DefaultCamelContext()) {
            other.start();
            assertThat(other.getComponent("zebra")).isInstanceOf(ZebraComponent.class);
        }
    }
}
