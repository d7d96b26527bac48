package dev.wedge.scanner.camel;

import dev.wedge.scanner.ScannerStatus;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@code scanner:} component: barcode scanners on serial ports and TCP, addressed by logical id
 * ({@code scanner:pack-2?port=/dev/ttyUSB0}). Registered under the name "scanner" through the service file,
 * or added by hand with {@code context.addComponent("scanner", new ScannerComponent())}.
 *
 * <p>{@link #statuses()} shows the state of every running consumer, for the supervisor view.
 */
@org.apache.camel.spi.annotations.Component("scanner")
public class ScannerComponent extends DefaultComponent {

    private final List<ScannerConsumer> consumers = new CopyOnWriteArrayList<>();

    public ScannerComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("scanner: URI '" + uri + "' needs a logical id, e.g. scanner:pack-2");
        }
        ScannerEndpoint endpoint = new ScannerEndpoint(uri, this, new ScannerConfiguration());
        endpoint.setLogicalId(remaining);
        setProperties(endpoint.getConfiguration(), parameters);
        setProperties(endpoint, parameters);
        endpoint.validateOptions();
        return endpoint;
    }

    /** The state of each started consumer, ordered by logical id. */
    public List<ScannerStatus> statuses() {
        return consumers.stream().map(ScannerConsumer::status)
                .sorted(Comparator.comparing(ScannerStatus::scannerId)).toList();
    }

    synchronized void register(ScannerConsumer consumer) {
        for (ScannerConsumer other : consumers) {
            String device = consumer.getEndpoint().deviceKey();
            if (other != consumer && other.getEndpoint().deviceKey().equals(device)) {
                throw new IllegalStateException("device " + device + " is already read by scanner:"
                        + other.getEndpoint().getLogicalId() + "; one device has one owner");
            }
        }
        consumers.add(consumer);
    }

    void unregister(ScannerConsumer consumer) {
        consumers.remove(consumer);
    }
}
