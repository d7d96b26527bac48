package dev.wedge.edge.conveyor.opcua;

import dev.wedge.edge.conveyor.PlcSettings;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;

/**
 * Wedge's application key and certificate (from a PKCS#12 key store) and the validator for PLC certificates
 * (the operator-managed trust folder: certificates in {@code trusted/certs} are trusted, refused ones are copied
 * to {@code rejected} for the operator to inspect and move).
 */
public final class ClientCredentials implements AutoCloseable {

    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final FileBasedTrustListManager trustList;
    private final CertificateValidator validator;

    private ClientCredentials(KeyPair keyPair, X509Certificate certificate, FileBasedTrustListManager trustList,
                              CertificateValidator validator) {
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.trustList = trustList;
        this.validator = validator;
    }

    public static ClientCredentials load(PlcSettings.PlcSecurity security) throws PlcSecurityException {
        char[] pw = security.keyStorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(security.keyStore())) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, pw);
            if (!(ks.getKey(security.keyAlias(), pw) instanceof PrivateKey key)
                    || !(ks.getCertificate(security.keyAlias()) instanceof X509Certificate cert)) {
                throw new PlcSecurityException("key store " + security.keyStore() + " has no key entry '"
                        + security.keyAlias() + "'");
            }
            FileBasedTrustListManager trust = FileBasedTrustListManager.createAndInitialize(security.trustDir());
            FileBasedCertificateQuarantine quarantine =
                    FileBasedCertificateQuarantine.create(security.trustDir().resolve("rejected"));
            return new ClientCredentials(new KeyPair(cert.getPublicKey(), key), cert, trust,
                    new DefaultClientCertificateValidator(trust, quarantine));
        } catch (PlcSecurityException e) {
            throw e;
        } catch (Exception e) {
            throw new PlcSecurityException("cannot load Wedge's OPC UA key store " + security.keyStore() + ": "
                    + e.getMessage(), e);
        }
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public CertificateValidator validator() {
        return validator;
    }

    @Override
    public void close() throws Exception {
        trustList.close();
    }
}
