package dev.wedge.scanner.camel;

import dev.wedge.scanner.DuplicateFilter;
import dev.wedge.scanner.ScanEvent;
import dev.wedge.scanner.ScannerStatus;
import dev.wedge.scanner.link.LinkListener;
import dev.wedge.scanner.link.LinkReader;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Instant;
import java.util.concurrent.ExecutorService;

/**
 * Reads one scanner on one thread from the CamelContext's executor service manager and sends one exchange per
 * frame. Thin: connecting, framing and reconnecting live in {@link LinkReader}. Nothing thrown by the route
 * escapes to the reading thread; it goes to this consumer's exception handler.
 */
public class ScannerConsumer extends DefaultConsumer implements LinkListener {

    private static final Logger LOG = LoggerFactory.getLogger(ScannerConsumer.class);

    private volatile LinkReader reader;
    private ExecutorService executor;
    private DuplicateFilter duplicates;

    public ScannerConsumer(ScannerEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public ScannerEndpoint getEndpoint() {
        return (ScannerEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ScannerEndpoint endpoint = getEndpoint();
        endpoint.getComponent().register(this);
        duplicates = new DuplicateFilter(endpoint.getConfiguration().getDuplicateWindow());
        reader = endpoint.newReader(this);
        executor = endpoint.getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "scanner-" + endpoint.getLogicalId());
        executor.execute(reader);
    }

    @Override
    protected void doStop() throws Exception {
        LinkReader r = reader;
        if (r != null) {
            r.stop();
        }
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(executor, 2000);
            executor = null;
        }
        getEndpoint().getComponent().unregister(this);
        super.doStop();
    }

    /** The scanner's state; down with no counts before the consumer has started. */
    public ScannerStatus status() {
        LinkReader r = reader;
        return r == null ? new ScannerStatus(getEndpoint().getLogicalId(), false, 0, 0, null, null) : r.status();
    }

    @Override
    public void onFrame(String frame, Instant receivedAt) {
        String id = getEndpoint().getLogicalId();
        ScanEvent event = ScanEvent.fromFrame(id, frame, receivedAt);
        if (duplicates.isRepeat(event)) {
            LOG.debug("scanner:{} read the same data again within the duplicate window", id);
            return;
        }
        Exchange exchange = createExchange(false);
        MDC.put("scannerId", id);
        try {
            exchange.getIn().setBody(event);
            exchange.getIn().setHeader(ScannerConstants.SCANNER_ID, id);
            exchange.getIn().setHeader(ScannerConstants.SYMBOLOGY, event.symbology());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            MDC.remove("scannerId");
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing scan from scanner:" + id, exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
    }

    @Override
    public void onRejected(String reason) {
        LOG.warn("scanner:{} rejected a frame: {}", getEndpoint().getLogicalId(), reason);
    }

    @Override
    public void onStateChanged(boolean up, String reason) {
        MDC.put("scannerId", getEndpoint().getLogicalId());
        try {
            if (up) {
                LOG.info("scanner:{} is up on {}", getEndpoint().getLogicalId(), getEndpoint().deviceKey());
            } else {
                LOG.warn("scanner:{} is down: {}", getEndpoint().getLogicalId(), reason);
            }
        } finally {
            MDC.remove("scannerId");
        }
    }

    @Override
    public void onError(Throwable error) {
        getExceptionHandler().handleException("scanner:" + getEndpoint().getLogicalId() + " failed", error);
    }
}
