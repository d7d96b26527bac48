package dev.wedge.sync.hq;

import dev.wedge.sync.SyncException;
import dev.wedge.sync.wire.Names;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * How HQ authenticates warehouses.
 *
 * <ul>
 * <li>{@link Transport#MUTUAL_TLS}: HTTPS, TLS 1.3 only, every client must present a certificate signed by a
 * CA in the context's trust store; the certificate's subject CN is the warehouse id, and a warehouse may only
 * send its own batches.</li>
 * <li>{@link Transport#TOKEN}: for sites that terminate TLS elsewhere: each warehouse sends
 * {@code Authorization: Bearer <token>}; with an {@code sslContext} HQ also serves TLS 1.3 itself (without
 * client certificates).</li>
 * <li>{@link Transport#PLAIN_HTTP}: no authentication at all; only for a local demo or tests, and only when
 * chosen explicitly.</li>
 * </ul>
 * The read API and page are not guarded by warehouse credentials; put them behind the site's own access control.
 *
 * @param transport         which of the above
 * @param sslContext        server key and (for mutual TLS) warehouse CA; null for plain HTTP
 * @param tokensByWarehouse warehouse id to its token (TOKEN only)
 */
public record HqSecurity(Transport transport, SSLContext sslContext, Map<String, String> tokensByWarehouse) {
    /** The transport and authentication choices. */
    public enum Transport { PLAIN_HTTP, MUTUAL_TLS, TOKEN }

    public HqSecurity {
        if (transport == null) {
            throw SyncException.invalid("HQ security needs a transport (PLAIN_HTTP, MUTUAL_TLS or TOKEN).");
        }
        tokensByWarehouse = Map.copyOf(tokensByWarehouse == null ? Map.of() : tokensByWarehouse);
        if (transport == Transport.MUTUAL_TLS && sslContext == null) {
            throw SyncException.invalid("HQ mutual TLS needs an SSL context with the server key and warehouse CA.");
        }
        if (transport == Transport.TOKEN && tokensByWarehouse.isEmpty()) {
            throw SyncException.invalid("HQ token security needs at least one warehouse token.");
        }
        for (Map.Entry<String, String> e : tokensByWarehouse.entrySet()) {
            Names.requireWarehouseId(e.getKey());
            if (e.getValue() == null || e.getValue().length() < 16) {
                throw SyncException.invalid("Token of warehouse " + e.getKey() + " must be at least 16 characters.");
            }
        }
        if (transport == Transport.PLAIN_HTTP && sslContext != null) {
            throw SyncException.invalid("HQ plain HTTP takes no SSL context; choose MUTUAL_TLS or TOKEN for TLS.");
        }
    }

    /** Plain HTTP without authentication: local demo and tests only. */
    public static HqSecurity plainHttp() {
        return new HqSecurity(Transport.PLAIN_HTTP, null, Map.of());
    }

    /** HTTPS with TLS 1.3 and one client certificate per warehouse. */
    public static HqSecurity mutualTls(SSLContext context) {
        return new HqSecurity(Transport.MUTUAL_TLS, context, Map.of());
    }

    /** Bearer tokens per warehouse over plain HTTP (TLS terminated in front of HQ). */
    public static HqSecurity tokens(Map<String, String> tokensByWarehouse) {
        return new HqSecurity(Transport.TOKEN, null, tokensByWarehouse);
    }

    /** True when HQ itself speaks TLS. */
    public boolean tls() {
        return sslContext != null;
    }
}
