package dev.wedge.edge.conveyor.opcua;

import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Milo names the RSA-PSS signature of Aes256_Sha256_RsaPss as BouncyCastle does ({@code SHA256withRSA/PSS}), so
 * the BouncyCastle provider must be installed before such a channel opens; the JDK's own providers stay first.
 */
public final class CryptoProviders {

    private CryptoProviders() {
    }

    public static synchronized void ensure() {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }
}
