package dev.wedge.label.camel;

import dev.wedge.label.transport.PrinterAddress;
import dev.wedge.label.transport.PrinterTimeouts;
import dev.wedge.label.transport.ZebraPrinter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code zebra:} component: prints ZPL on Zebra label printers over raw TCP.
 *
 * <p>The URI names a logical printer ({@code zebra:dock-1}); its address comes only from configuration through
 * {@link #addPrinter}, never from a message header. An endpoint for a printer that is not configured fails when
 * it is created. The component owns one connection per printer, shared by all its endpoints, so jobs to one
 * printer are serialised. The shared connection keeps the timeouts of whoever asked for it first (an endpoint
 * or {@link #printer}). Thread-safe.
 */
public class ZebraComponent extends DefaultComponent {

    private final Map<String, PrinterAddress> printers = new ConcurrentHashMap<>();
    private final SharedPrinterConnections connections = new SharedPrinterConnections();
    private final Map<String, ZebraPrinter> sharedPrinters = new ConcurrentHashMap<>();

    /** Configures a printer's address. Replacing an address affects endpoints created afterwards. */
    public void addPrinter(String printerId, String host, int port) {
        addPrinter(printerId, new PrinterAddress(host, port));
    }

    /** Configures a printer's address. */
    public void addPrinter(String printerId, PrinterAddress address) {
        if (printerId == null || printerId.isBlank()) {
            throw new IllegalArgumentException("printer id '" + printerId + "' is blank");
        }
        if (address == null) {
            throw new IllegalArgumentException("printer '" + printerId + "' has no address");
        }
        printers.put(printerId, address);
    }

    /** The configured printers by id, sorted. */
    public Map<String, PrinterAddress> getPrinters() {
        return new TreeMap<>(printers);
    }

    /**
     * The printer's protocols over the same shared connection the endpoints use, for code outside a route
     * (the durable {@link dev.wedge.label.job.PrintJobQueue}, a status page). Opens nothing until first used;
     * the connection is closed when the component stops. A printer the queue serves must not also be printed to
     * by a {@code zebra:} route: the queue tells printed jobs from lost ones by the printer's label counter, which
     * the route's labels move too.
     *
     * @throws IllegalArgumentException naming a printer that is not configured
     */
    public synchronized ZebraPrinter printer(String printerId, PrinterTimeouts timeouts) {
        PrinterAddress address = printers.get(printerId);
        if (address == null) {
            throw new IllegalArgumentException("zebra printer '" + printerId + "' is not configured (configured: "
                    + new TreeMap<>(printers).keySet() + ")");
        }
        return sharedPrinters.computeIfAbsent(printerId,
                id -> new ZebraPrinter(connections.acquire(id, address, timeouts)));
    }

    SharedPrinterConnections connections() {
        return connections;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        PrinterAddress address = printers.get(remaining);
        if (address == null) {
            throw new IllegalArgumentException("zebra printer '" + remaining + "' is not configured (configured: "
                    + new TreeMap<>(printers).keySet() + ")");
        }
        ZebraEndpoint endpoint = new ZebraEndpoint(uri, this, remaining, address);
        setProperties(endpoint, parameters);
        endpoint.validateOptions();
        return endpoint;
    }

    @Override
    protected void doStop() throws Exception {
        sharedPrinters.clear();
        connections.closeAll();
        super.doStop();
    }
}
