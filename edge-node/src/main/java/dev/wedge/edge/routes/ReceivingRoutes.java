package dev.wedge.edge.routes;

import dev.wedge.edge.config.EdgeConfig;
import dev.wedge.edge.labels.LabelJobs;
import dev.wedge.edge.receiving.ReceiptOutcome;
import dev.wedge.edge.receiving.ReceivingService;
import dev.wedge.scanner.ScanEvent;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The receiving flow: scans from every receiving scanner are booked by {@link ReceivingService}; an accepted
 * one has queued its pallet label in the same transaction, and the route then wakes the printer's durable job
 * queue, which prints it (holding it while the printer is out of paper, paused or unreachable).
 */
public final class ReceivingRoutes extends RouteBuilder {

    private final List<EdgeConfig.Scanner> scanners;
    private final String printerId;
    private final ReceivingService receiving;
    private final LabelJobs labels;

    /** @param printerId the receiving printer, which every receipt's label is queued for ("" for none) */
    public ReceivingRoutes(List<EdgeConfig.Scanner> scanners, String printerId, ReceivingService receiving,
                           LabelJobs labels) {
        this.scanners = scanners;
        this.printerId = printerId;
        this.receiving = receiving;
        this.labels = labels;
    }

    @Override
    public void configure() {
        for (EdgeConfig.Scanner scanner : scanners) {
            if (!"receiving".equals(scanner.role())) {
                continue;
            }
            from(scanner.endpointUri()).routeId("receiving-" + scanner.id())
                    .process(this::receive)
                    .filter(body().isInstanceOf(ReceiptOutcome.Accepted.class))
                    .process(this::wakePrinter);
        }
    }

    private void receive(Exchange exchange) throws Exception {
        ScanEvent scan = exchange.getMessage().getMandatoryBody(ScanEvent.class);
        exchange.getMessage().setBody(receiving.receive(scan));
    }

    private void wakePrinter(Exchange exchange) {
        // The receipt queued its label for the receiving printer; no need to read the job back to know which.
        if (!printerId.isEmpty()) {
            labels.wake(printerId);
        }
    }
}
