package dev.wedge.label.camel;

import dev.wedge.label.transport.ZebraPrinter;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.MDC;

/**
 * Prints the body (ZPL text) on the endpoint's printer. With {@code checkStatus} (the default) the host status
 * is read before and after the job. Throws {@link dev.wedge.label.transport.PrinterUnavailableException} or
 * {@link dev.wedge.label.transport.PrinterNotReadyException} (both retryable, nothing was sent) and
 * {@link dev.wedge.label.transport.PrintOutcomeUnknownException} (sent, not confirmed: do not resend blindly).
 * Retrying is the route's decision.
 */
public class ZebraProducer extends DefaultProducer {

    public ZebraProducer(ZebraEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public ZebraEndpoint getEndpoint() {
        return (ZebraEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        MDC.put("printerId", getEndpoint().getPrinterId());
        MDC.put("messageId", exchange.getIn().getMessageId());
        try {
            print(exchange);
        } finally {
            MDC.remove("printerId");
            MDC.remove("messageId");
        }
    }

    private void print(Exchange exchange) throws Exception {
        String zpl = exchange.getIn().getMandatoryBody(String.class);
        ZebraPrinter printer = new ZebraPrinter(getEndpoint().connection());
        if (getEndpoint().isCheckStatus()) {
            ZebraPrinter.PrintReceipt receipt = printer.print(zpl);
            exchange.getMessage().setHeader(ZebraConstants.STATUS_BEFORE, receipt.before());
            exchange.getMessage().setHeader(ZebraConstants.STATUS_AFTER, receipt.after());
        } else {
            printer.send(zpl);
        }
        exchange.getMessage().setHeader(ZebraConstants.PRINTER_ID, getEndpoint().getPrinterId());
        exchange.getMessage().setHeader(ZebraConstants.BYTES_SENT, zpl.getBytes(StandardCharsets.UTF_8).length);
    }
}
