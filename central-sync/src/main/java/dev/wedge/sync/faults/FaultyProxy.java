package dev.wedge.sync.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy between edge and HQ that injects network faults on demand. A fault is armed with
 * {@link #arm(Fault)} and counted when it actually hits traffic: a dropped request, a delayed chunk, a
 * truncated answer, reset connections, or an old request replayed to HQ.
 */
public final class FaultyProxy implements AutoCloseable {
    /** The network faults the proxy can inject. */
    public enum Fault { DROP, DELAY, TRUNCATE, RESET, REPLAY }

    private final int upstreamPort;
    private final Random random;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
    private final AtomicBoolean dropArmed = new AtomicBoolean();
    private final AtomicBoolean truncateArmed = new AtomicBoolean();
    private final AtomicBoolean delayArmed = new AtomicBoolean();
    private final AtomicLong delayMillis = new AtomicLong();
    private final List<byte[]> captured = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicReference<Runnable> afterNextRequest =
            new java.util.concurrent.atomic.AtomicReference<>();
    private volatile boolean running = true;
    private ServerSocket server;

    public FaultyProxy(int upstreamPort, long seed) {
        this.upstreamPort = upstreamPort;
        this.random = new Random(seed);
        for (Fault f : Fault.values()) {
            injected.put(f, new AtomicInteger());
        }
    }

    /** Listens on a free loopback port and returns it. */
    public int start() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread accept = new Thread(this::acceptLoop, "wedge-fault-proxy-accept");
        accept.setDaemon(true);
        accept.start();
        return server.getLocalPort();
    }

    /** Arms a fault; RESET and REPLAY act at once, the others on the next traffic that passes. */
    public void arm(Fault fault) {
        switch (fault) {
            case DROP -> dropArmed.set(true);
            case TRUNCATE -> truncateArmed.set(true);
            case DELAY -> {
                delayMillis.set(200 + random.nextInt(1300));
                delayArmed.set(true);
            }
            case RESET -> resetAll(true);
            case REPLAY -> replayOne();
        }
    }

    /**
     * Runs {@code action} once, right after the next complete request has been passed on to HQ and before its
     * answer can reach the edge: the moment between send and acknowledgement.
     */
    public void afterNextRequest(Runnable action) {
        afterNextRequest.set(action);
    }

    /** Disarms every pending fault (for the final, clean phase). */
    public void disarm() {
        afterNextRequest.set(null);
        dropArmed.set(false);
        truncateArmed.set(false);
        delayArmed.set(false);
    }

    /** Faults that hit traffic so far, by type. */
    public Map<Fault, Integer> injected() {
        Map<Fault, Integer> out = new EnumMap<>(Fault.class);
        injected.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                try {
                    upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), 2000);
                } catch (IOException e) {
                    // HQ is down: the edge sees its connection closed, as it would without a proxy.
                    client.close();
                    continue;
                }
                open.add(client);
                open.add(upstream);
                RequestCapture capture = new RequestCapture();
                pump(client, upstream, true, capture);
                pump(upstream, client, false, null);
            } catch (IOException e) {
                if (running) {
                    continue;
                }
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean up, RequestCapture capture) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (!pass(buf, n, up, capture, out)) {
                        break;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // The other side closed or was reset: close both ends below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, up ? "wedge-fault-proxy-up" : "wedge-fault-proxy-down");
        t.setDaemon(true);
        t.start();
    }

    /** Forwards one chunk, applying an armed fault; false when the connection must end. */
    private boolean pass(byte[] buf, int n, boolean up, RequestCapture capture, OutputStream out)
            throws IOException, InterruptedException {
        if (delayArmed.compareAndSet(true, false)) {
            injected.get(Fault.DELAY).incrementAndGet();
            TimeUnit.MILLISECONDS.sleep(delayMillis.get());
        }
        if (up && dropArmed.compareAndSet(true, false)) {
            injected.get(Fault.DROP).incrementAndGet();
            return false;
        }
        if (!up && truncateArmed.compareAndSet(true, false)) {
            injected.get(Fault.TRUNCATE).incrementAndGet();
            out.write(buf, 0, n / 2);
            out.flush();
            return false;
        }
        List<byte[]> complete = capture == null ? List.of() : capture.add(buf, n);
        synchronized (captured) {
            captured.addAll(complete);
            while (captured.size() > 200) {
                captured.remove(random.nextInt(captured.size()));
            }
        }
        out.write(buf, 0, n);
        out.flush();
        if (!complete.isEmpty()) {
            Runnable action = afterNextRequest.getAndSet(null);
            if (action != null) {
                action.run();
            }
        }
        return true;
    }

    private void resetAll(boolean count) {
        boolean any = false;
        for (Socket s : open) {
            try {
                s.setSoLinger(true, 0);
            } catch (SocketException e) {
                // Already closed.
            }
            any |= !s.isClosed();
            closeQuietly(s);
        }
        if (any && count) {
            injected.get(Fault.RESET).incrementAndGet();
        }
    }

    private void replayOne() {
        byte[] request;
        synchronized (captured) {
            if (captured.isEmpty()) {
                return;
            }
            request = captured.get(random.nextInt(captured.size()));
        }
        injected.get(Fault.REPLAY).incrementAndGet();
        Thread t = new Thread(() -> {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
                s.setSoTimeout(3000);
                s.getOutputStream().write(request);
                s.getOutputStream().flush();
                // Read the start of the answer so HQ has processed the request; the answer itself is discarded.
                s.getInputStream().read(new byte[4096]);
            } catch (IOException e) {
                // HQ may be restarting; a replay that does not arrive is still a replay attempt.
            }
        }, "wedge-fault-proxy-replay");
        t.setDaemon(true);
        t.start();
    }

    private void closeQuietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException e) {
            // Nothing more to do for a socket that will not close.
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        if (server != null) {
            server.close();
        }
        resetAll(false);
    }
}
