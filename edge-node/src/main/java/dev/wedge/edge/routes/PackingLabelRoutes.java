package dev.wedge.edge.routes;

import dev.wedge.edge.labels.LabelJobs;
import dev.wedge.label.transport.RetryablePrinterException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Prints the SSCC labels of closed cartons and pallets on the packing printer. Like receiving's printing route,
 * a SEDA queue decouples the handheld from the printer, a printer failure is retried with growing delays and
 * a job that still fails is marked failed in Derby (the supervisor view shows it as held).
 */
public final class PackingLabelRoutes extends RouteBuilder {

    private static final String QUEUE = "seda:packing-labels?size=10000";

    private final String printerId;
    private final LabelJobs labels;

    public PackingLabelRoutes(String printerId, LabelJobs labels) {
        this.printerId = printerId;
        this.labels = labels;
    }

    /** The queue packing hands label job ids to (header {@link ReceivingRoutes#JOB_ID}). */
    public static String queue() {
        return QUEUE;
    }

    @Override
    public void configure() {
        onException(RetryablePrinterException.class)
                .maximumRedeliveries(6).redeliveryDelay(250).backOffMultiplier(2).useExponentialBackOff()
                .maximumRedeliveryDelay(5000).retryAttemptedLogLevel(LoggingLevel.WARN)
                .handled(true).process(this::markFailed);
        onException(Exception.class).handled(true).process(this::markFailed);

        from(QUEUE).routeId("packing-label-printer")
                .process(e -> e.getMessage().setBody(labels.job(jobId(e)).zpl()))
                .to("zebra:" + printerId)
                .process(e -> labels.markPrinted(jobId(e)));
    }

    private static long jobId(Exchange e) {
        return e.getMessage().getHeader(ReceivingRoutes.JOB_ID, Long.class);
    }

    private void markFailed(Exchange exchange) throws Exception {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        labels.markFailed(jobId(exchange), cause == null ? null : cause.getMessage());
    }
}
