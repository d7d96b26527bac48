package dev.wedge.sync.hq;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import dev.wedge.sync.tls.TlsContexts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;

/** Decides which warehouse a sync request comes from, and refuses a batch sent in another warehouse's name. */
final class WarehouseAuthenticator {
    private final HqSecurity security;

    WarehouseAuthenticator(HqSecurity security) {
        this.security = security;
    }

    /**
     * Checks that the request may send batches for {@code warehouseId}.
     *
     * @throws SyncException {@code NOT_AUTHORISED} when it may not
     */
    void authorise(Request request, String warehouseId) {
        String caller = switch (security.transport()) {
            case PLAIN_HTTP -> warehouseId;
            case MUTUAL_TLS -> fromCertificate(request);
            case TOKEN -> fromToken(request);
        };
        if (!warehouseId.equals(caller)) {
            throw new SyncException(SyncErrorCode.NOT_AUTHORISED,
                    "Caller " + caller + " may not send batches for warehouse " + warehouseId + ".");
        }
    }

    private static String fromCertificate(Request request) {
        Object data = request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
        if (data instanceof EndPoint.SslSessionData ssl && ssl.peerCertificates() != null
                && ssl.peerCertificates().length > 0) {
            X509Certificate cert = ssl.peerCertificates()[0];
            String cn = TlsContexts.commonName(cert);
            if (cn != null) {
                return cn;
            }
        }
        throw new SyncException(SyncErrorCode.NOT_AUTHORISED, "No warehouse client certificate with a CN.");
    }

    private String fromToken(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || !header.startsWith("Bearer ")) {
            throw new SyncException(SyncErrorCode.NOT_AUTHORISED, "Missing bearer token.");
        }
        byte[] offered = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        String match = null;
        // Compare against every token in constant time so timing does not reveal how much of a token matched.
        for (Map.Entry<String, String> e : security.tokensByWarehouse().entrySet()) {
            if (MessageDigest.isEqual(offered, e.getValue().getBytes(StandardCharsets.UTF_8))) {
                match = e.getKey();
            }
        }
        if (match == null) {
            throw new SyncException(SyncErrorCode.NOT_AUTHORISED, "Unknown bearer token.");
        }
        return match;
    }
}
