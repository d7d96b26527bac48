package dev.wedge.edge.routes;

import dev.wedge.edge.config.EdgeConfig;
import dev.wedge.edge.labels.LabelJobs;
import dev.wedge.edge.receiving.ReceiptOutcome;
import dev.wedge.edge.receiving.ReceivingService;
import dev.wedge.label.transport.RetryablePrinterException;
import dev.wedge.scanner.ScanEvent;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The receiving flow: scans from every receiving scanner are booked by {@link ReceivingService}; accepted
 * ones queue a pallet label that the printing route sends to the receiving printer.
 *
 * <p>Printing is decoupled by a SEDA queue so a slow or absent printer never holds up the scanner. A printer
 * failure is retried with bounded, growing delays; after that the job is marked failed in Derby (visible in
 * the status API) rather than dropped.
 */
public final class ReceivingRoutes extends RouteBuilder {

    /** The header that carries the label job id from the receipt to the printing route. */
    public static final String JOB_ID = "WedgeLabelJobId";

    private static final String PRINT_QUEUE = "seda:pallet-labels?size=10000";

    /** The queue the printing route reads label job ids from (header {@code WedgeLabelJobId}). */
    public static String printQueue() {
        return PRINT_QUEUE;
    }

    private final List<EdgeConfig.Scanner> scanners;
    private final String printerId;
    private final ReceivingService receiving;
    private final LabelJobs labels;

    public ReceivingRoutes(List<EdgeConfig.Scanner> scanners, String printerId, ReceivingService receiving,
                           LabelJobs labels) {
        this.scanners = scanners;
        this.printerId = printerId;
        this.receiving = receiving;
        this.labels = labels;
    }

    @Override
    public void configure() {
        onException(RetryablePrinterException.class)
                .maximumRedeliveries(6).redeliveryDelay(250).backOffMultiplier(2).useExponentialBackOff()
                .maximumRedeliveryDelay(5000).retryAttemptedLogLevel(LoggingLevel.WARN)
                .handled(true)
                .process(this::markFailed);
        // Anything else on the printing route (a printer refusing the job for good) is recorded, not retried.
        onException(Exception.class).onWhen(header(JOB_ID).isNotNull()).handled(true).process(this::markFailed);

        for (EdgeConfig.Scanner scanner : scanners) {
            if (!"receiving".equals(scanner.role())) {
                continue;
            }
            from(scanner.endpointUri()).routeId("receiving-" + scanner.id())
                    .process(this::receive)
                    .filter(body().isInstanceOf(ReceiptOutcome.Accepted.class))
                    .setHeader(JOB_ID, simple("${body.labelJobId}"))
                    .to(PRINT_QUEUE);
        }

        if (!printerId.isEmpty()) {
            from(PRINT_QUEUE).routeId("pallet-label-printer")
                    .process(this::loadJob)
                    .to("zebra:" + printerId)
                    .process(e -> labels.markPrinted(e.getMessage().getHeader(JOB_ID, Long.class)));
        }
    }

    private void receive(Exchange exchange) throws Exception {
        ScanEvent scan = exchange.getMessage().getMandatoryBody(ScanEvent.class);
        exchange.getMessage().setBody(receiving.receive(scan));
    }

    private void loadJob(Exchange exchange) throws Exception {
        long jobId = exchange.getMessage().getHeader(JOB_ID, Long.class);
        exchange.getMessage().setBody(labels.job(jobId).zpl());
    }

    private void markFailed(Exchange exchange) throws Exception {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        labels.markFailed(exchange.getMessage().getHeader(JOB_ID, Long.class),
                cause == null ? null : cause.getMessage());
    }
}
