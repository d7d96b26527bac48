package dev.wedge.label.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The one TCP connection to one printer's raw port, opened on first use and kept open.
 *
 * <p>Zebra printers accept one connection on 9100 at a time, so a single instance per printer is shared and
 * every method is {@code synchronized}: jobs to one printer are serialised. A caller that must run several
 * steps without another job in between (status, send, status) holds the monitor of this object around them.
 * Every wait is bounded by the {@link PrinterTimeouts}: connecting, writing and reading replies use a
 * non-blocking channel and a selector, so nothing can hang on a silent printer. A failure closes the
 * connection; the next call reconnects. The constructor does no I/O.
 */
public class SocketPrinterConnection implements AutoCloseable {

    /** Longest reply kept: a host status is under 100 bytes, an SGD value a few hundred. */
    static final int MAX_REPLY_CHARS = 16 * 1024;

    private final String printerId;
    private final PrinterAddress address;
    private final PrinterTimeouts timeouts;
    private SocketChannel channel;
    private Selector selector;
    private SelectionKey key;
    private long connects;

    public SocketPrinterConnection(String printerId, PrinterAddress address, PrinterTimeouts timeouts) {
        if (printerId == null || printerId.isBlank()) {
            throw new IllegalArgumentException("printer id '" + printerId + "' is blank");
        }
        if (address == null || timeouts == null) {
            throw new IllegalArgumentException("printer '" + printerId + "' needs an address and timeouts");
        }
        this.printerId = printerId;
        this.address = address;
        this.timeouts = timeouts;
    }

    /** The logical printer id. */
    public String printerId() {
        return printerId;
    }

    /** Where the printer listens. */
    public PrinterAddress address() {
        return address;
    }

    /** Sends ZPL (encoded as UTF-8) and returns once the printer has taken every byte. */
    public synchronized void send(String zpl) throws PrinterUnavailableException {
        ensureOpen();
        write(ByteBuffer.wrap(zpl.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Sends a query and reads the reply until {@code complete} accepts the text received so far.
     *
     * @throws PrinterUnavailableException with {@link PrinterFailureCode#NO_STATUS_REPLY} if no complete reply
     *                                     arrives within the status timeout
     */
    public synchronized String query(String command, Predicate<String> complete) throws PrinterUnavailableException {
        ensureOpen();
        discardPendingInput();
        write(ByteBuffer.wrap(command.getBytes(StandardCharsets.UTF_8)));
        return readUntil(complete, timeouts.status());
    }

    /**
     * How many times a connection has been established. A caller that sees this change between two calls knows
     * the connection broke and was opened again in between.
     */
    public synchronized long connects() {
        return connects;
    }

    /** True while a connection is open (it may still turn out to be broken at the next use). */
    public synchronized boolean isOpen() {
        return channel != null && channel.isOpen();
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void ensureOpen() throws PrinterUnavailableException {
        if (channel != null && channel.isOpen() && !peerHasClosed()) {
            return;
        }
        closeQuietly();
        InetSocketAddress target = new InetSocketAddress(address.host(), address.port());
        if (target.isUnresolved()) {
            throw new PrinterUnavailableException(printerId, PrinterFailureCode.UNREACHABLE,
                    "host " + address.host() + " cannot be resolved", null);
        }
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            selector = Selector.open();
            key = channel.register(selector, 0);
            if (!channel.connect(target)) {
                awaitConnect();
            }
            key.interestOps(0);
            connects++;
        } catch (IOException e) {
            closeQuietly();
            throw new PrinterUnavailableException(printerId, PrinterFailureCode.UNREACHABLE,
                    "cannot connect to " + address + ": " + e.getMessage(), e);
        }
    }

    private void awaitConnect() throws IOException, PrinterUnavailableException {
        key.interestOps(SelectionKey.OP_CONNECT);
        if (selector.select(millis(timeouts.connect())) == 0) {
            closeQuietly();
            throw new PrinterUnavailableException(printerId, PrinterFailureCode.CONNECT_TIMEOUT,
                    "no connection to " + address + " within " + timeouts.connect(), null);
        }
        selector.selectedKeys().clear();
        channel.finishConnect();
    }

    private void write(ByteBuffer data) throws PrinterUnavailableException {
        long deadline = System.nanoTime() + timeouts.write().toNanos();
        try {
            while (data.hasRemaining()) {
                if (channel.write(data) > 0) {
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    closeQuietly();
                    throw new PrinterUnavailableException(printerId, PrinterFailureCode.WRITE_TIMEOUT, data.remaining()
                            + " bytes not taken by " + address + " within " + timeouts.write(), null);
                }
                key.interestOps(SelectionKey.OP_WRITE);
                selector.select(Math.max(1, left / 1_000_000));
                selector.selectedKeys().clear();
                key.interestOps(0);
            }
        } catch (IOException e) {
            closeQuietly();
            throw new PrinterUnavailableException(printerId, PrinterFailureCode.CONNECTION_LOST,
                    "connection to " + address + " broke while sending: " + e.getMessage(), e);
        }
    }

    private String readUntil(Predicate<String> complete, Duration timeout) throws PrinterUnavailableException {
        StringBuilder text = new StringBuilder();
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!complete.test(text.toString())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    closeQuietly();
                    throw new PrinterUnavailableException(printerId, PrinterFailureCode.NO_STATUS_REPLY,
                            "no complete reply from " + address + " within " + timeout + " (got '"
                            + (text.length() > 200 ? text.substring(0, 200) + "..." : text) + "')", null);
                }
                key.interestOps(SelectionKey.OP_READ);
                selector.select(Math.max(1, left / 1_000_000));
                selector.selectedKeys().clear();
                key.interestOps(0);
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    throw new IOException("the printer closed the connection");
                }
                text.append(new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1));
                if (text.length() > MAX_REPLY_CHARS && !complete.test(text.toString())) {
                    closeQuietly();
                    throw new PrinterUnavailableException(printerId, PrinterFailureCode.MALFORMED_STATUS,
                            "reply from " + address + " is over " + MAX_REPLY_CHARS + " characters and still not"
                            + " complete (starts '" + text.substring(0, 40) + "')", null);
                }
            }
            return text.toString();
        } catch (IOException e) {
            closeQuietly();
            throw new PrinterUnavailableException(printerId, PrinterFailureCode.CONNECTION_LOST,
                    "connection to " + address + " broke while reading a reply: " + e.getMessage(), e);
        }
    }

    /** Reads whatever is waiting without blocking; true if the printer has closed its side. */
    private boolean peerHasClosed() {
        try {
            return discardPendingInput();
        } catch (PrinterUnavailableException e) {
            return true;
        }
    }

    private boolean discardPendingInput() throws PrinterUnavailableException {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(512);
            int n;
            while ((n = channel.read(buffer)) > 0) {
                buffer.clear();
            }
            return n < 0;
        } catch (IOException e) {
            closeQuietly();
            throw new PrinterUnavailableException(printerId, PrinterFailureCode.CONNECTION_LOST,
                    "connection to " + address + " broke: " + e.getMessage(), e);
        }
    }

    private void closeQuietly() {
        closeResource(selector);
        closeResource(channel);
        selector = null;
        channel = null;
        key = null;
    }

    private static void closeResource(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            // Closing a broken socket can fail; the connection is being dropped either way.
        }
    }

    private static long millis(Duration d) {
        return Math.max(1, d.toMillis());
    }
}
