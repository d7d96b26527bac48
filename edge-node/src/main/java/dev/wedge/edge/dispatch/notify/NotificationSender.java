package dev.wedge.edge.dispatch.notify;

import dev.wedge.edge.dispatch.DispatchSettings;
import dev.wedge.edge.dispatch.store.Transactions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers queued notifications on one background thread: e-mails through {@link SmtpClient}, webhooks as a
 * JSON POST that must answer 2xx. A failed message waits longer after each failure (up to five minutes) and is
 * given up after about a day, or at once when its address can never work; one broken address does not hold back
 * the others.
 */
public final class NotificationSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
    /** About a day of attempts at {@link #MAX_BACKOFF} apart: an outage of the relay overnight loses nothing. */
    private static final int MAX_ATTEMPTS = 300;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Transactions tx;
    private final NotificationQueue queue;
    private final Clock clock;
    private final SmtpClient smtp;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private ScheduledExecutorService timer;

    public NotificationSender(Transactions tx, NotificationQueue queue, DispatchSettings settings, Clock clock) {
        this.tx = tx;
        this.queue = queue;
        this.clock = clock;
        this.smtp = settings.smtp().map(s -> new SmtpClient(s.host(), s.port(), s.from(), TIMEOUT)).orElse(null);
    }

    /** Starts sending every {@code interval}. */
    public void start(Duration interval) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wedge-dispatch-notify");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::sendSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sendSafely() {
        try {
            sendPending();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("sending notifications failed: {}", e.toString());
        }
    }

    /**
     * Sends what is due now; returns how many were sent. Synchronized so the background rounds and a caller
     * asking to send now never deliver the same message twice.
     */
    public synchronized int sendPending() throws SQLException {
        int sent = 0;
        for (Notification n : tx.read(c -> queue.pending(c, 50, clock.instant()))) {
            try {
                deliver(n);
                tx.inTransaction(c -> {
                    queue.markSent(c, n.id(), clock.instant());
                    return null;
                });
                sent++;
            } catch (IOException | RuntimeException e) {
                // A malformed address or URL, or a recipient the relay refuses for good, fails the same way on
                // every attempt; anything else (a relay or receiver down, a 4xx "try later") may pass later.
                boolean permanent = e instanceof IllegalArgumentException || e instanceof RecipientRefusedException;
                LOG.warn("notification {} to {} failed{}: {}", n.id(), n.target(), permanent ? " for good" : "",
                        e.getMessage());
                tx.inTransaction(c -> {
                    int attempts = queue.attempts(c, n.id()) + 1;
                    queue.markFailed(c, n.id(), String.valueOf(e.getMessage()), permanent,
                            clock.instant().plus(backoff(attempts)), MAX_ATTEMPTS);
                    return null;
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sent;
            }
        }
        return sent;
    }

    /** The wait after the n-th failed attempt: 1 s, doubling, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(attempts - 1, 20);
        return seconds >= MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }

    private void deliver(Notification n) throws IOException, InterruptedException {
        if ("EMAIL".equals(n.channel())) {
            if (smtp == null) {
                throw new IOException("no SMTP relay is configured (dispatch.smtp.host)");
            }
            smtp.send(n.target(), n.subject(), n.body());
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(n.target())).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                // The same key on every attempt: a receiver that got a message whose answer was lost can drop the
                // repeat, since delivery is at least once.
                .header("Idempotency-Key", "wedge-notification-" + n.id())
                .POST(HttpRequest.BodyPublishers.ofString(n.body())).build();
        HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("webhook " + n.target() + " answered " + r.statusCode());
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
