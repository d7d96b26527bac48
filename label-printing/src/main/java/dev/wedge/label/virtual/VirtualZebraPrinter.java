package dev.wedge.label.virtual;

import dev.wedge.label.status.HostStatus;
import dev.wedge.label.zpl.ParsedLabel;
import dev.wedge.label.zpl.ZplCommand;
import dev.wedge.label.zpl.ZplReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP server on loopback that speaks like a Zebra printer's raw port: it keeps every label format it
 * receives, answers {@code ~HS} host-status queries and SGD {@code getvar} queries, pauses and resumes on
 * {@code ~PP} and {@code ~PS}, and can be told to fail
 * the way real printers do (paper out, head open, paused, silent, dropping the connection mid-job).
 *
 * <p>While paper is out, the head is open or the printer is paused, received formats wait in the buffer (and
 * are counted in the host status); they print, in order, once the fault is cleared. Printed labels and the
 * label odometer survive {@link #stop()} and a later {@link #start(int)}, like a printer that is switched off
 * and on. Thread-safe.
 */
public final class VirtualZebraPrinter implements AutoCloseable {

    private static final Pattern GETVAR = Pattern.compile("!\\s*U1\\s+getvar\\s+\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final int LABEL_LENGTH_DOTS = 1218;

    private final ZplReader reader = new ZplReader();
    private final Clock clock;
    private final List<ReceivedLabel> printed = new CopyOnWriteArrayList<>();
    private final List<ReceivedLabel> waiting = new ArrayList<>();
    private final Set<VirtualPrinterSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, String> settings = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
    private volatile ServerSocket server;
    private volatile Thread acceptThread;
    private volatile boolean paperOut;
    private volatile boolean headOpen;
    private volatile boolean paused;
    private volatile boolean silent;
    private volatile boolean dropBeforeNextLabel;
    private volatile boolean dropAfterNextLabel;

    /** A virtual ZT410 at 203 dpi. */
    public VirtualZebraPrinter() {
        this(Clock.systemUTC());
    }

    /** A virtual printer that stamps labels with the given clock. */
    public VirtualZebraPrinter(Clock clock) {
        this.clock = clock;
        settings.put("device.product_name", "ZT410-203dpi");
        settings.put("device.unique_id", "WEDGEVIRTUAL01");
        settings.put("appl.name", "V75.20.21Z");
        settings.put("head.resolution.in_dpi", "203");
    }

    /**
     * Starts listening on loopback.
     *
     * @param port the port, or 0 for a free one
     * @return the port listened on
     * @throws UncheckedIOException if the port cannot be bound
     */
    public synchronized int start(int port) {
        if (server != null) {
            throw new IllegalStateException("virtual printer already listens on port " + server.getLocalPort());
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = socket;
        } catch (IOException e) {
            throw new UncheckedIOException("virtual printer cannot listen on port " + port, e);
        }
        Thread thread = new Thread(this::acceptLoop, "virtual-zebra-" + server.getLocalPort());
        thread.setDaemon(true);
        acceptThread = thread;
        thread.start();
        return server.getLocalPort();
    }

    /**
     * Stops listening and drops every connection, like switching the printer off: labels already printed and
     * the odometer are kept, labels waiting in the buffer are lost.
     */
    public synchronized void stop() {
        waiting.clear();
        ServerSocket socket = server;
        server = null;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a listening socket only fails if it is already closed.
            }
        }
        sessions.forEach(VirtualPrinterSession::close);
        Thread thread = acceptThread;
        if (thread != null) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The port listened on, or -1 when stopped. */
    public int port() {
        ServerSocket socket = server;
        return socket == null ? -1 : socket.getLocalPort();
    }

    /** Every label printed so far, in order; a format printed in several copies appears once per copy. */
    public List<ReceivedLabel> labels() {
        return List.copyOf(printed);
    }

    /** How many client connections the printer has accepted in its life. */
    public int connectionsAccepted() {
        return accepted.get();
    }

    /** Labels received but not printed because of a fault. */
    public synchronized int waitingLabels() {
        return waiting.size();
    }

    /** The label odometer: how many labels this printer has printed in its life. */
    public int odometer() {
        return printed.size();
    }

    public void setPaperOut(boolean paperOut) {
        this.paperOut = paperOut;
        printWaitingIfReady();
    }

    public void setHeadOpen(boolean headOpen) {
        this.headOpen = headOpen;
        printWaitingIfReady();
    }

    public void setPaused(boolean paused) {
        this.paused = paused;
        printWaitingIfReady();
    }

    /** A silent printer takes data but answers no query. */
    public void setSilent(boolean silent) {
        this.silent = silent;
    }

    /** The next time a label format starts arriving, drop the connection and discard it. */
    public void dropConnectionDuringNextLabel() {
        dropBeforeNextLabel = true;
    }

    /** Print the next label, then drop the connection before answering anything more. */
    public void dropConnectionAfterNextLabel() {
        dropAfterNextLabel = true;
    }

    /** True while a dropped connection is armed and has not happened yet. */
    public boolean dropArmed() {
        return dropBeforeNextLabel || dropAfterNextLabel;
    }

    /** Clears every fault. */
    public void clearFaults() {
        silent = false;
        dropBeforeNextLabel = false;
        dropAfterNextLabel = false;
        paperOut = false;
        headOpen = false;
        paused = false;
        printWaitingIfReady();
    }

    /** Sets what an SGD {@code getvar} of {@code name} answers. */
    public void setSetting(String name, String value) {
        settings.put(name, value);
    }

    private void acceptLoop() {
        ServerSocket socket = server;
        while (socket != null && !socket.isClosed()) {
            try {
                Socket client = socket.accept();
                accepted.incrementAndGet();
                VirtualPrinterSession session = new VirtualPrinterSession(this, client);
                sessions.add(session);
                Thread thread = new Thread(session, "virtual-zebra-session-" + client.getPort());
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    void sessionEnded(VirtualPrinterSession session) {
        sessions.remove(session);
    }

    /** Takes one received format; its {@code ^PQ} copies are each a label, as the odometer counts them. */
    synchronized void accept(String zpl) {
        List<String> texts = new ArrayList<>();
        int copies = 1;
        for (ParsedLabel label : reader.read(zpl)) {
            texts.addAll(label.fieldTexts());
            for (ZplCommand c : label.commands()) {
                if (c.name().equals("^PQ")) {
                    copies = Math.max(1, c.intParam(0, 1));
                }
            }
        }
        ReceivedLabel received = new ReceivedLabel(zpl, texts, clock.instant());
        for (int i = 0; i < copies; i++) {
            waiting.add(received);
        }
        printWaitingIfReady();
    }

    private synchronized void printWaitingIfReady() {
        if (paperOut || headOpen || paused) {
            return;
        }
        printed.addAll(waiting);
        waiting.clear();
    }

    synchronized String hostStatusReply() {
        if (silent) {
            return null;
        }
        return new HostStatus(paperOut, paused, LABEL_LENGTH_DOTS, waiting.size(), false, headOpen, false,
                waiting.size()).toReply();
    }

    String answerSgd(String line) {
        if (silent) {
            return null;
        }
        Matcher m = GETVAR.matcher(line);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
        String value = name.equals("odometer.total_label_count") ? Integer.toString(odometer()) : settings.get(name);
        return "\"" + (value == null ? "?" : value) + "\"";
    }

    boolean takeDropBeforeNextLabel() {
        boolean drop = dropBeforeNextLabel;
        dropBeforeNextLabel = false;
        return drop;
    }

    boolean takeDropAfterNextLabel() {
        boolean drop = dropAfterNextLabel;
        dropAfterNextLabel = false;
        return drop;
    }
}
