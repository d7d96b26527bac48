package dev.wedge.edge.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.auth.Sessions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the supervisor overview to every open event stream ({@code GET /api/supervisor/stream}) as an
 * {@code overview} event whenever it changes.
 *
 * <p>One thread serves all streams. Every quarter second it checks whether a floor transaction committed since
 * the last look (a scan, a pick, a pack, an order from HQ); if one did, or five seconds passed (for what changes
 * outside the floor's transactions: printer state, HQ acknowledgements), it builds the overview once and sends
 * it to each stream whose last event differs. Ten seconds without an event sends a comment line, which keeps
 * proxies from closing the connection and finds clients that went away. A stream ends when its session ends
 * (logout, expiry) and, like the page's polling did, keeps the session alive while it is open. The thread
 * stops when the last stream ends and starts again with the next one.
 */
final class SupervisorFeed {

    /** Builds the overview document. */
    @FunctionalInterface
    interface Overview {
        ObjectNode build() throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SupervisorFeed.class);
    private static final long TICK_MILLIS = 250;
    private static final long REBUILD_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** One open stream and what it was sent last. */
    private static final class Subscriber {
        final EventSink sink;
        final String token;
        String lastSent = "";
        long lastWrite = System.nanoTime();

        Subscriber(EventSink sink, String token) {
            this.sink = sink;
            this.token = token;
        }
    }

    private final Overview overview;
    private final LongSupplier commits;
    private final Sessions sessions;
    private final Map<EventSink, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final Object tickerLock = new Object();
    private ScheduledExecutorService ticker;
    private long seenCommits = -1;
    private long builtAt;
    private String latest = "";

    /** @param commits a count that moves whenever a floor transaction commits */
    SupervisorFeed(Overview overview, LongSupplier commits, Sessions sessions) {
        this.overview = overview;
        this.commits = commits;
        this.sessions = sessions;
    }

    /** The answer of the stream route for this session. */
    EventStream open(Sessions.Session session) {
        return new EventStream(this, session.token());
    }

    /** Adds an open response; the first event follows within a tick. */
    void subscribe(EventSink sink, String sessionToken) {
        // Tell EventSource to reconnect after two seconds when the connection drops.
        sink.offer("retry: 2000\n\n");
        subscribers.put(sink, new Subscriber(sink, sessionToken));
        synchronized (tickerLock) {
            if (ticker == null) {
                ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "wedge-supervisor-feed");
                    t.setDaemon(true);
                    return t;
                });
                ticker.scheduleWithFixedDelay(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Open streams. */
    int open() {
        return subscribers.size();
    }

    private void tick() {
        try {
            if (stopWhenIdle()) {
                return;
            }
            refresh();
            long now = System.nanoTime();
            for (Subscriber s : subscribers.values()) {
                serve(s, now);
            }
        } catch (RuntimeException e) {
            // A failed tick must not end the schedule: the next one tries again.
            LOG.warn("supervisor feed tick failed", e);
        }
    }

    private boolean stopWhenIdle() {
        synchronized (tickerLock) {
            if (subscribers.isEmpty() && ticker != null) {
                ticker.shutdown();
                ticker = null;
                seenCommits = -1;
                return true;
            }
            return false;
        }
    }

    private void refresh() {
        long c = commits.getAsLong();
        long now = System.nanoTime();
        if (c == seenCommits && now - builtAt < REBUILD_NANOS) {
            return;
        }
        try {
            latest = "event: overview\ndata: " + overview.build().toString() + "\n\n";
            seenCommits = c;
            builtAt = now;
        } catch (Exception e) {
            LOG.warn("supervisor overview failed: {}", e.toString());
        }
    }

    private void serve(Subscriber s, long now) {
        if (s.sink.isClosed() || sessions.find(s.token).isEmpty()) {
            if (s.sink.close()) {
                subscribers.remove(s.sink);
            }
            return;
        }
        if (!latest.isEmpty() && !latest.equals(s.lastSent)) {
            if (s.sink.offer(latest)) {
                s.lastSent = latest;
                s.lastWrite = now;
            }
        } else if (now - s.lastWrite > KEEP_ALIVE_NANOS && s.sink.offer(": keep-alive\n\n")) {
            s.lastWrite = now;
        }
    }
}
