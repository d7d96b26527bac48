package dev.wedge.sync.edge;

import dev.wedge.sync.SyncException;
import javax.net.ssl.SSLContext;

/**
 * How the edge proves to HQ who it is.
 *
 * @param sslContext TLS context holding this warehouse's client certificate and HQ's CA; null for plain HTTP or
 *                   the JVM's default trust
 * @param token      bearer token for HQs behind a TLS-terminating proxy; null for none
 */
public record EdgeCredentials(SSLContext sslContext, String token) {
    public EdgeCredentials {
        if (token != null && (token.isBlank() || token.chars().anyMatch(ch -> ch < 0x21 || ch > 0x7e))) {
            throw SyncException.invalid("Edge token must be printable ASCII without spaces.");
        }
    }

    /** No client certificate and no token. */
    public static EdgeCredentials none() {
        return new EdgeCredentials(null, null);
    }

    /** Mutual TLS with the given context. */
    public static EdgeCredentials tls(SSLContext context) {
        return new EdgeCredentials(context, null);
    }

    /** A bearer token (optionally over TLS with the JVM's default trust). */
    public static EdgeCredentials token(String token) {
        return new EdgeCredentials(null, token);
    }
}
