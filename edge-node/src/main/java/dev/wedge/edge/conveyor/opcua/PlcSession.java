package dev.wedge.edge.conveyor.opcua;

import dev.wedge.edge.conveyor.PlcLinkStatus;
import dev.wedge.edge.conveyor.PlcSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfig;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.identity.X509IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * The one OPC UA session Wedge keeps to one sorter PLC, built on Eclipse Milo's client. It owns the session's
 * life: connect (securely, see {@link EndpointSelector}), the subscription carrying every monitored node, and
 * recovery. Milo's client reactivates a session over a new channel and transfers its subscriptions after a short
 * drop; when a transfer fails the subscription is created anew on the same session, and when no session is back
 * {@link #REBUILD_AFTER} after it was lost (the PLC restarted, its sessions are gone) the client is rebuilt. With
 * keep-alives every {@link #KEEP_ALIVE} a silent peer is noticed within about two seconds, so sorting resumes
 * well inside five seconds of the PLC answering again.
 *
 * <p>Thread-safe. Value callbacks run on Milo's delivery thread, one subscription at a time, in order.
 */
public final class PlcSession implements AutoCloseable {

    static final long KEEP_ALIVE = 1_000;
    static final long REBUILD_AFTER = 1_500;
    private static final long RETRY_EVERY = 500;
    private static final Logger LOG = LoggerFactory.getLogger(PlcSession.class);

    private final PlcSettings settings;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final List<PlcSubscription.Item> items = new CopyOnWriteArrayList<>();
    private final AtomicLong sessions = new AtomicLong();
    private final AtomicLong subscriptions = new AtomicLong();
    private ClientCredentials credentials;
    private volatile OpcUaClient client;
    private volatile PlcSubscription subscription;
    private volatile boolean sessionActive;
    private volatile long downSinceNanos = System.nanoTime();
    private volatile long lastAttemptNanos;
    private volatile String lastError;
    private volatile String policyInUse;
    private volatile Instant lastConnectedAt;
    private volatile Instant lastLostAt;
    private volatile boolean closed;
    private ScheduledFuture<?> supervisor;

    public PlcSession(PlcSettings settings, ScheduledExecutorService executor, Clock clock) {
        this.settings = settings;
        this.executor = executor;
        this.clock = clock;
        this.policyInUse = settings.security().policy();
        CryptoProviders.ensure();
    }

    public PlcSettings settings() {
        return settings;
    }

    /** Starts connecting in the background; a PLC that is off shows as down and is retried. */
    public synchronized void start() {
        if (supervisor == null) {
            supervisor = executor.scheduleWithFixedDelay(this::supervise, 0, 100, TimeUnit.MILLISECONDS);
        }
    }

    /** Monitors a node (value attribute); survives reconnects. The callback must not throw. */
    public PlcSubscription.Item monitor(ExpandedNodeId node, double samplingMillis, Consumer<DataValue> sink) {
        PlcSubscription.Item item = new PlcSubscription.Item(node, samplingMillis, sink);
        items.add(item);
        PlcSubscription s = subscription;
        if (s != null) {
            executor.execute(() -> s.add(item));
        }
        return item;
    }

    public void unmonitor(PlcSubscription.Item item) {
        items.remove(item);
        PlcSubscription s = subscription;
        if (s != null) {
            executor.execute(() -> s.remove(item));
        }
    }

    /** Writes one value; the future fails with {@link UaException} when the PLC is down or refuses it. */
    public CompletableFuture<StatusCode> write(ExpandedNodeId node, Variant value) {
        OpcUaClient c = client;
        if (c == null || !sessionActive) {
            return CompletableFuture.failedFuture(new UaException(StatusCodes.Bad_NotConnected,
                    "PLC " + settings.plcId() + " is not connected"));
        }
        NodeId id;
        try {
            id = node.toNodeIdOrThrow(c.getNamespaceTable());
        } catch (UaException e) {
            return CompletableFuture.failedFuture(e);
        }
        return c.writeValuesAsync(List.of(id), List.of(DataValue.valueOnly(value))).thenCompose(r -> {
            StatusCode s = r.get(0);
            return s.isGood() ? CompletableFuture.completedFuture(s)
                    : CompletableFuture.failedFuture(new UaException(s, "PLC " + settings.plcId()
                    + " refused the write to " + node.toParseableString() + ": " + s));
        });
    }

    public PlcLinkStatus status() {
        return new PlcLinkStatus(settings.plcId(), settings.endpoint().toString(), policyInUse,
                sessionActive && subscription != null, sessions.get(), subscriptions.get(), lastConnectedAt,
                lastLostAt, lastError);
    }

    private void supervise() {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        boolean up = client != null && sessionActive && subscription != null;
        if (up) {
            return;
        }
        long downFor = TimeUnit.NANOSECONDS.toMillis(now - downSinceNanos);
        long sinceAttempt = TimeUnit.NANOSECONDS.toMillis(now - lastAttemptNanos);
        if ((client == null || downFor >= REBUILD_AFTER) && sinceAttempt >= RETRY_EVERY) {
            lastAttemptNanos = now;
            rebuild();
        }
    }

    private void rebuild() {
        dropClient("no session for " + REBUILD_AFTER + " ms: rebuilding the client");
        try {
            connect();
            lastError = null;
        } catch (Exception e) {
            lastError = describe(e);
            LOG.warn("PLC {}: connect failed: {}", settings.plcId(), lastError);
            dropClient("connect failed");
        }
    }

    private void connect() throws Exception {
        if (credentials == null) {
            credentials = ClientCredentials.load(settings.security());
        }
        List<EndpointDescription> offered = DiscoveryClient.getEndpoints(settings.discoveryEndpoint().toString(),
                t -> t.setConnectTimeout(uint(2_000))).get(3, TimeUnit.SECONDS);
        EndpointDescription endpoint = EndpointSelector.choose(offered, settings.security(), settings.endpoint());
        OpcUaClientConfig config = OpcUaClientConfig.builder()
                .setEndpoint(endpoint)
                .setApplicationName(LocalizedText.english("Wedge edge node"))
                .setApplicationUri(settings.security().applicationUri())
                .setProductUri("urn:wedge:edge")
                .setKeyPair(credentials.keyPair())
                .setCertificate(credentials.certificate())
                .setCertificateChain(new java.security.cert.X509Certificate[]{credentials.certificate()})
                .setCertificateValidator(credentials.validator())
                .setIdentityProvider(identity())
                .setSessionTimeout(uint(10_000))
                .setRequestTimeout(uint(3_000))
                .setKeepAliveInterval(uint(KEEP_ALIVE))
                .setKeepAliveTimeout(uint(KEEP_ALIVE))
                .setKeepAliveFailuresAllowed(uint(1))
                .build();
        final OpcUaClient c = OpcUaClient.create(config, t -> t.setConnectTimeout(uint(2_000)));
        c.addSessionActivityListener(new SessionActivityListener() {
            // A client being dropped still reports; only the current one speaks for the link.
            @Override
            public void onSessionActive(UaSession session) {
                if (client == c && subscription != null) {
                    sessionUp();
                }
            }

            @Override
            public void onSessionInactive(UaSession session) {
                if (client == c) {
                    sessionLost("session inactive");
                }
            }
        });
        client = c;
        c.connect();
        c.readNamespaceTable();
        policyInUse = org.eclipse.milo.opcua.stack.core.security.SecurityPolicy
                .fromUri(endpoint.getSecurityPolicyUri()).name();
        newSubscription(c);
        sessions.incrementAndGet();
        sessionUp();
        LOG.info("PLC {}: connected to {} ({} {})", settings.plcId(), endpoint.getEndpointUrl(), policyInUse,
                endpoint.getSecurityMode());
    }

    private void newSubscription(OpcUaClient c) throws UaException {
        PlcSubscription old = subscription;
        subscription = null;
        if (old != null) {
            old.abandon();
        }
        PlcSubscription s = PlcSubscription.create(c, settings, items, this::subscriptionFailed);
        subscriptions.incrementAndGet();
        subscription = s;
    }

    /** The subscription could not be transferred to the new session, or went quiet: make a new one. */
    private void subscriptionFailed(String why) {
        LOG.warn("PLC {}: subscription lost ({}), creating a new one", settings.plcId(), why);
        executor.execute(() -> {
            OpcUaClient c = client;
            if (c == null || closed) {
                return;
            }
            try {
                newSubscription(c);
            } catch (UaException e) {
                lastError = "cannot re-create subscription: " + describe(e);
                subscription = null;
                sessionLost(lastError);
            }
        });
    }

    private void sessionUp() {
        sessionActive = true;
        lastConnectedAt = Instant.now(clock);
    }

    private void sessionLost(String why) {
        if (sessionActive) {
            lastLostAt = Instant.now(clock);
            downSinceNanos = System.nanoTime();
            LOG.warn("PLC {}: {}", settings.plcId(), why);
        }
        sessionActive = false;
    }

    private void dropClient(String why) {
        OpcUaClient c = client;
        client = null;
        PlcSubscription s = subscription;
        subscription = null;
        if (s != null) {
            s.abandon();
        }
        if (sessionActive) {
            sessionLost(why);
        }
        sessionActive = false;
        if (c != null) {
            c.disconnectAsync();
        }
    }

    private IdentityProvider identity() {
        PlcSettings.PlcSecurity s = settings.security();
        if (s.x509Identity()) {
            return new X509IdentityProvider(credentials.certificate(), credentials.keyPair().getPrivate());
        }
        return new UsernameProvider(s.username().get(), s.password(), credentials.validator());
    }

    static String describe(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.ExecutionException || t instanceof java.util.concurrent.CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof UaException u ? u.getStatusCode() + " " + u.getMessage() : t.toString();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (supervisor != null) {
            supervisor.cancel(false);
        }
        dropClient("closing");
        if (credentials != null) {
            try {
                credentials.close();
            } catch (Exception e) {
                LOG.debug("closing the trust list of {} failed: {}", settings.plcId(), e.toString());
            }
        }
    }
}
