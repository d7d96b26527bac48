package dev.wedge.edge.labels;

import dev.wedge.label.job.JdbcPrintJobStore;
import dev.wedge.label.job.PrintJobQueue;
import dev.wedge.label.transport.PrinterAddress;
import dev.wedge.label.transport.PrinterTimeouts;
import dev.wedge.label.transport.SocketPrinterConnection;
import dev.wedge.label.transport.ZebraPrinter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

/** Label jobs over a print queue that is never started: for tests that look at what a business change stores. */
public final class UnstartedLabelJobs {

    private UnstartedLabelJobs() {
    }

    /** Label jobs for printer {@code dock-1}, which is never contacted. */
    public static LabelJobs forDock1(DataSource db, Clock clock) {
        ZebraPrinter dock = new ZebraPrinter(new SocketPrinterConnection("dock-1", PrinterAddress.of("127.0.0.1"),
                PrinterTimeouts.DEFAULTS));
        JdbcPrintJobStore store = new JdbcPrintJobStore(db);
        return new LabelJobs(store, new PrintJobQueue(store, Map.of("dock-1", dock),
                Executors.newSingleThreadScheduledExecutor(), Duration.ofSeconds(1), clock));
    }
}
