package dev.wedge.sync.tls;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds TLS 1.3 contexts for both sides of sync. HQ: its server key and the CA that signs warehouse
 * certificates. Edge: its warehouse key (certificate subject {@code CN=<warehouseId>}) and HQ's CA.
 */
public final class TlsContexts {
    /** The only protocol sync speaks over TLS. */
    public static final String PROTOCOL = "TLSv1.3";

    private TlsContexts() {
    }

    /**
     * A TLS 1.3 context.
     *
     * @param keyStore    own key and certificate chain; null for a context that only trusts
     * @param keyPassword password of the key
     * @param trustStore  certificates of the CAs to trust for the peer
     */
    public static SSLContext create(KeyStore keyStore, char[] keyPassword, KeyStore trustStore) {
        try {
            KeyManagerFactory kmf = null;
            if (keyStore != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keyStore, keyPassword);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            SSLContext ctx = SSLContext.getInstance(PROTOCOL);
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new SyncException(SyncErrorCode.INVALID_INPUT, "TLS material is not usable: " + e.getMessage(), e);
        }
    }

    /** Same as {@link #create} from PKCS#12 files. */
    public static SSLContext fromPkcs12(Path keyStore, char[] keyStorePassword, Path trustStore,
            char[] trustStorePassword) {
        return create(keyStore == null ? null : load(keyStore, keyStorePassword), keyStorePassword,
                load(trustStore, trustStorePassword));
    }

    /** Loads a PKCS#12 file; a missing or unreadable file is an {@code INVALID_INPUT} naming it. */
    public static KeyStore load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw SyncException.invalid("Key store " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** The common name of a certificate's subject, or null when it has none. */
    public static String commonName(X509Certificate certificate) {
        try {
            LdapName name = new LdapName(certificate.getSubjectX500Principal().getName());
            for (Rdn rdn : name.getRdns()) {
                if ("CN".equals(rdn.getType().toUpperCase(Locale.ROOT))) {
                    return rdn.getValue().toString();
                }
            }
            return null;
        } catch (InvalidNameException e) {
            return null;
        }
    }
}
