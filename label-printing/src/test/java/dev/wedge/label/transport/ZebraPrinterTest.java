package dev.wedge.label.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.label.status.HostStatus;
import dev.wedge.label.virtual.VirtualZebraPrinter;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZebraPrinterTest {

    private static final String LABEL = "^XA^FO10,10^FDhello^FS^XZ";

    private final VirtualZebraPrinter virtual = new VirtualZebraPrinter();
    private SocketPrinterConnection connection;
    private ZebraPrinter printer;

    @BeforeEach
    void start() {
        int port = virtual.start(0);
        connection = new SocketPrinterConnection("dock-1", new PrinterAddress("127.0.0.1", port),
                new PrinterTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(300)));
        printer = new ZebraPrinter(connection);
    }

    @AfterEach
    void stop() {
        connection.close();
        virtual.stop();
    }

    @Test
    void readsAReadyHostStatus() throws Exception {
        HostStatus status = printer.hostStatus();

        assertThat(status.isReady()).isTrue();
        assertThat(status.isIdle()).isTrue();
        assertThat(status.labelLength()).isEqualTo(1218);
    }

    @Test
    void readsEachFaultFromTheThreeStatusStrings() throws Exception {
        virtual.setPaperOut(true);
        virtual.setHeadOpen(true);
        virtual.setPaused(true);

        HostStatus status = printer.hostStatus();

        assertThat(status.faults()).containsExactly(HostStatus.Condition.HEAD_OPEN, HostStatus.Condition.PAPER_OUT,
                HostStatus.Condition.PAUSED);
    }

    @Test
    void refusesToPrintWhenPaperIsOutAndSendsNothing() {
        virtual.setPaperOut(true);

        assertThatThrownBy(() -> printer.print(LABEL))
                .isInstanceOf(PrinterNotReadyException.class)
                .extracting(e -> ((RetryablePrinterException) e).code()).isEqualTo(PrinterFailureCode.PAPER_OUT);
        assertThat(virtual.waitingLabels()).isZero();
        assertThat(virtual.labels()).isEmpty();
    }

    @Test
    void treatsASilentPrinterAsAFaultNotAsReady() {
        virtual.setSilent(true);

        assertThatThrownBy(() -> printer.print(LABEL))
                .isInstanceOf(PrinterUnavailableException.class)
                .extracting(e -> ((RetryablePrinterException) e).code()).isEqualTo(PrinterFailureCode.NO_STATUS_REPLY);
        assertThat(virtual.labels()).isEmpty();
    }

    @Test
    void reportsAnUnconfirmedJobAsOutcomeUnknown() {
        virtual.dropConnectionAfterNextLabel();

        assertThatThrownBy(() -> printer.print(LABEL)).isInstanceOf(PrintOutcomeUnknownException.class);
        assertThat(virtual.labels()).hasSize(1);
    }

    @Test
    void printsWithStatusBeforeAndAfterAndCountsTheLabel() throws Exception {
        long before = printer.labelCount();

        ZebraPrinter.PrintReceipt receipt = printer.print(LABEL);

        assertThat(receipt.before().isReady()).isTrue();
        assertThat(receipt.after().isReady()).isTrue();
        assertThat(printer.labelCount()).isEqualTo(before + 1);
    }

    @Test
    void readsThePrinterIdentityThroughSgd() throws Exception {
        virtual.setSetting("device.unique_id", "XXZJ221400123");

        PrinterIdentity identity = printer.identity();

        assertThat(identity).isEqualTo(new PrinterIdentity("ZT410-203dpi", "XXZJ221400123", "V75.20.21Z"));
    }

    @Test
    void reconnectsAfterThePrinterRestarts() throws Exception {
        printer.print(LABEL);
        int port = virtual.port();
        virtual.stop();
        virtual.start(port);

        printer.print(LABEL);

        assertThat(virtual.labels()).hasSize(2);
    }
}
