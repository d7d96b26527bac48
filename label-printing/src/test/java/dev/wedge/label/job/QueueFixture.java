package dev.wedge.label.job;

import dev.wedge.label.transport.PrinterAddress;
import dev.wedge.label.transport.PrinterTimeouts;
import dev.wedge.label.transport.SocketPrinterConnection;
import dev.wedge.label.transport.ZebraPrinter;
import dev.wedge.label.virtual.VirtualZebraPrinter;
import dev.wedge.label.zpl.ZplWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** A virtual printer, a Derby-backed store and a queue printing to the printer as "dock-1". */
final class QueueFixture implements AutoCloseable {

    final VirtualZebraPrinter printer = new VirtualZebraPrinter();
    final PrintJobStore store = new JdbcPrintJobStore(JdbcPrintJobStoreTest.emptyDatabase());
    final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
    final int port = printer.start(0);
    final SocketPrinterConnection connection = new SocketPrinterConnection("dock-1",
            new PrinterAddress("127.0.0.1", port),
            new PrinterTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(200)));
    PrintJobQueue queue = newQueue();

    PrintJobQueue newQueue() {
        return new PrintJobQueue(store, Map.of("dock-1", new ZebraPrinter(connection)), executor,
                Duration.ofMillis(40), Clock.systemUTC());
    }

    static String label(String text) {
        return new ZplWriter().startFormat().text(10, 10, 30, text).endFormat().toZpl();
    }

    long printedWith(String text) {
        return printer.labels().stream().filter(l -> l.fieldTexts().contains(text)).count();
    }

    PrintJobState state(PrintJobId id) {
        return store.find(id).orElseThrow().state();
    }

    @Override
    public void close() {
        queue.close();
        executor.shutdownNow();
        connection.close();
        printer.stop();
    }
}
