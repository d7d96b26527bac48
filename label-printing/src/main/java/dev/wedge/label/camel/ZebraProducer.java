package dev.wedge.label.camel;

import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Prints the body (ZPL text) on the endpoint's printer. Throws
 * {@link dev.wedge.label.transport.PrinterUnavailableException} when the printer cannot be reached; retrying
 * is the route's decision.
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
        String zpl = exchange.getIn().getMandatoryBody(String.class);
        getEndpoint().connection().send(zpl);
        exchange.getMessage().setHeader(ZebraConstants.PRINTER_ID, getEndpoint().getPrinterId());
        exchange.getMessage().setHeader(ZebraConstants.BYTES_SENT, zpl.getBytes(StandardCharsets.UTF_8).length);
    }
}
