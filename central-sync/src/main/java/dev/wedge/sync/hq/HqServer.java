package dev.wedge.sync.hq;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import dev.wedge.sync.internal.DerbyShutdown;
import dev.wedge.sync.internal.PooledDataSource;
import java.net.URI;
import java.time.Clock;
import dev.wedge.sync.tls.TlsContexts;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HQ server: receives batches from every warehouse on {@code POST /sync/v1/batches}, stores each record
 * once in its own database and serves the read API ({@code /api/warehouses}, {@code /api/warehouses/{id}/records})
 * and an overview page at {@code /}.
 *
 * <p>Transport and authentication follow {@link HqSettings#security()}: mutual TLS 1.3 with one client
 * certificate per warehouse, bearer tokens, or (explicitly, for a demo) plain HTTP.
 *
 * <p>Everything lives in the database named by {@link HqSettings#jdbcUrl()}: a new server started on the same
 * database after {@link #stop()} continues where the old one stopped. Not thread-safe for concurrent
 * start/stop; one instance serves one run.
 */
public final class HqServer {
    private static final Logger LOG = LoggerFactory.getLogger(HqServer.class);
    private static final int POOL_SIZE = 16;

    private final HqSettings settings;
    private PooledDataSource dataSource;
    private HqStore store;
    private Server jetty;
    private int boundPort = -1;
    private final java.util.List<org.eclipse.jetty.server.Handler> mounted = new java.util.ArrayList<>();

    public HqServer(HqSettings settings) {
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
    }

    /**
     * Mounts an application's handler ahead of HQ's own (the driver app that edge-node serves at HQ, for one);
     * call before {@link #start()}. A mounted handler answers the paths it owns and declines the rest, which then
     * reach HQ's sync endpoints, read API and pages as usual.
     */
    public synchronized void mount(org.eclipse.jetty.server.Handler handler) {
        if (jetty != null) {
            throw new SyncException(SyncErrorCode.SERVER_FAILED, "mount handlers before the HQ server starts");
        }
        mounted.add(java.util.Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Opens and migrates the database, then binds the port.
     *
     * @return the bound port (the free one chosen when the settings say 0)
     * @throws SyncException {@code SERVER_FAILED} when the port cannot be bound, {@code STORAGE_FAILED} when the
     *                       database cannot be opened; nothing is left running in either case
     */
    public synchronized int start() {
        if (jetty != null) {
            throw new SyncException(SyncErrorCode.SERVER_FAILED, "HQ server is already started on " + uri());
        }
        try {
            dataSource = new PooledDataSource(settings.jdbcUrl(), null, null, POOL_SIZE);
            if (PostgresHqStore.handles(settings.jdbcUrl())) {
                store = PostgresHqStore.migrateAndOpen(dataSource);
            } else {
                HqSchema.migrate(dataSource);
                store = new JdbcHqStore(dataSource);
            }
        } catch (RuntimeException e) {
            closeAfterFailedStart();
            throw new SyncException(SyncErrorCode.STORAGE_FAILED, "HQ database " + settings.safeJdbcUrl()
                    + " cannot be opened: " + e.getMessage(), e);
        }
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("wedge-hq");
        threads.setDaemon(true);
        Server server = new Server(threads);
        ServerConnector connector = connector(server, settings.security());
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        server.addConnector(connector);
        HqHandler hq = new HqHandler(new BatchReceiver(store, Clock.systemUTC()), store, settings.security());
        if (mounted.isEmpty()) {
            server.setHandler(hq);
        } else {
            org.eclipse.jetty.server.Handler.Sequence all = new org.eclipse.jetty.server.Handler.Sequence(mounted);
            all.addHandler(hq);
            server.setHandler(all);
        }
        if (settings.security().transport() == HqSecurity.Transport.PLAIN_HTTP
                && !isLoopback(settings.host())) {
            LOG.warn("HQ serves plain HTTP without authentication on {}; use it for a local demo only",
                    settings.host());
        }
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            closeAfterFailedStart();
            throw new SyncException(SyncErrorCode.SERVER_FAILED,
                    "HQ cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        jetty = server;
        boundPort = connector.getLocalPort();
        LOG.info("HQ listening on {} with database {}", uri(), settings.safeJdbcUrl());
        return boundPort;
    }

    private static ServerConnector connector(Server server, HqSecurity security) {
        if (!security.tls()) {
            return new ServerConnector(server);
        }
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(security.sslContext());
        ssl.setIncludeProtocols(TlsContexts.PROTOCOL);
        ssl.setNeedClientAuth(security.transport() == HqSecurity.Transport.MUTUAL_TLS);
        HttpConfiguration http = new HttpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // Warehouses may address HQ by IP address; the certificate's SAN is checked by the client instead.
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        return new ServerConnector(server, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(http));
    }

    private static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "::1".equals(host);
    }

    /** Stops listening, then closes (and for embedded Derby shuts down) the database. Idempotent. */
    public synchronized void stop() {
        if (jetty == null) {
            return;
        }
        Server server = jetty;
        jetty = null;
        try {
            server.stop();
        } catch (Exception e) {
            throw new SyncException(SyncErrorCode.SERVER_FAILED, "HQ server did not stop cleanly", e);
        } finally {
            closeDatabase();
        }
    }

    /** Base URI of the running server, e.g. {@code http://127.0.0.1:41234}. */
    public synchronized URI uri() {
        if (boundPort < 0) {
            throw new SyncException(SyncErrorCode.SERVER_FAILED, "HQ server has not been started");
        }
        String host = "0.0.0.0".equals(settings.host()) ? "127.0.0.1" : settings.host();
        return URI.create((settings.security().tls() ? "https://" : "http://") + host + ":" + boundPort);
    }

    /** The store of the running server (for reports and tests). */
    public synchronized HqStore store() {
        if (store == null) {
            throw new SyncException(SyncErrorCode.SERVER_FAILED, "HQ server has not been started");
        }
        return store;
    }

    private void closeDatabase() {
        if (dataSource == null) {
            return;
        }
        dataSource.close();
        dataSource = null;
        if (DerbyShutdown.isDerby(settings.jdbcUrl())) {
            DerbyShutdown.shutdown(settings.jdbcUrl());
        }
    }

    private void closeAfterFailedStart() {
        try {
            closeDatabase();
        } catch (SyncException e) {
            // The start failure is what the caller needs to see; the database may never have booted.
            LOG.debug("Database not shut down after a failed start: {}", e.getMessage());
        }
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("HQ server did not stop after a failed start", e);
        }
    }
}
