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
 * JSON POST that must answer 2xx. A failed message is retried on the next rounds and given up after a few
 * attempts, so one broken address does not hold back the others.
 */
public final class NotificationSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
    private static final int MAX_ATTEMPTS = 5;
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

    /** Sends what is pending now; returns how many were sent. */
    public int sendPending() throws SQLException {
        int sent = 0;
        for (Notification n : tx.read(c -> queue.pending(c, 50))) {
            try {
                deliver(n);
                tx.inTransaction(c -> {
                    queue.markSent(c, n.id(), clock.instant());
                    return null;
                });
                sent++;
            } catch (IOException | RuntimeException e) {
                LOG.warn("notification {} to {} failed: {}", n.id(), n.target(), e.getMessage());
                tx.inTransaction(c -> {
                    queue.markFailed(c, n.id(), String.valueOf(e.getMessage()), MAX_ATTEMPTS);
                    return null;
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sent;
            }
        }
        return sent;
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
