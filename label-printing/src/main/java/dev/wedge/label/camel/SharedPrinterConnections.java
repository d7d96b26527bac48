package dev.wedge.label.camel;

import dev.wedge.label.transport.PrinterAddress;
import dev.wedge.label.transport.PrinterTimeouts;
import dev.wedge.label.transport.SocketPrinterConnection;
import java.util.HashMap;
import java.util.Map;

/**
 * One connection per printer, shared by every endpoint that prints to it and closed when the last one stops.
 * A printer accepts one raw connection at a time, so two endpoints must never open two.
 */
final class SharedPrinterConnections {

    private final Map<String, Entry> entries = new HashMap<>();

    private static final class Entry {
        final SocketPrinterConnection connection;
        int users;

        Entry(SocketPrinterConnection connection) {
            this.connection = connection;
        }
    }

    /** The printer's connection (created, not opened, on first use); call {@link #release} once per acquire. */
    synchronized SocketPrinterConnection acquire(String printerId, PrinterAddress address, PrinterTimeouts timeouts) {
        Entry entry = entries.computeIfAbsent(printerId,
                id -> new Entry(new SocketPrinterConnection(id, address, timeouts)));
        entry.users++;
        return entry.connection;
    }

    synchronized void release(String printerId) {
        Entry entry = entries.get(printerId);
        if (entry == null) {
            return;
        }
        entry.users--;
        if (entry.users <= 0) {
            entries.remove(printerId);
            entry.connection.close();
        }
    }

    synchronized void closeAll() {
        entries.values().forEach(e -> e.connection.close());
        entries.clear();
    }
}
