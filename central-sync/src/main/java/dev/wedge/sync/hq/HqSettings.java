package dev.wedge.sync.hq;

import dev.wedge.sync.SyncException;

/**
 * How to run an {@link HqServer}.
 *
 * @param host     interface to bind ({@code 127.0.0.1}, {@code 0.0.0.0}, ...)
 * @param port     TCP port; 0 picks a free one
 * @param jdbcUrl  HQ's own database, e.g. {@code jdbc:derby:data/hq;create=true}, or
 *                 {@code jdbc:postgresql://host/db?user=..&password=..}
 * @param security transport and authentication of warehouses
 */
public record HqSettings(String host, int port, String jdbcUrl, HqSecurity security) {
    public HqSettings {
        if (host == null || host.isBlank()) {
            throw SyncException.invalid("HQ host must be set (for example 127.0.0.1).");
        }
        if (port < 0 || port > 65535) {
            throw SyncException.invalid("HQ port " + port + " must be 0-65535 (0 picks a free port).");
        }
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw SyncException.invalid("HQ jdbcUrl '" + jdbcUrl + "' must be a JDBC URL starting with 'jdbc:'.");
        }
        if (security == null) {
            throw SyncException.invalid("HQ security must be chosen explicitly (HqSecurity.plainHttp() for a demo).");
        }
    }

    /**
     * Plain HTTP without authentication: calling this constructor is the explicit choice of plain HTTP for a
     * local demo or tests. Deployments use the four-argument form with {@link HqSecurity#mutualTls} or
     * {@link HqSecurity#tokens}.
     */
    public HqSettings(String host, int port, String jdbcUrl) {
        this(host, port, jdbcUrl, HqSecurity.plainHttp());
    }

    /** Loopback, a free port, plain HTTP, and the given database. */
    public static HqSettings local(String jdbcUrl) {
        return new HqSettings("127.0.0.1", 0, jdbcUrl);
    }

    /** The JDBC URL with any password in it replaced by {@code ***}, for logs and messages. */
    public String safeJdbcUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** The same settings on another port (for restarting on the port a previous start chose). */
    public HqSettings withPort(int newPort) {
        return new HqSettings(host, newPort, jdbcUrl, security);
    }

    /** The same settings with other security. */
    public HqSettings withSecurity(HqSecurity newSecurity) {
        return new HqSettings(host, port, jdbcUrl, newSecurity);
    }
}
