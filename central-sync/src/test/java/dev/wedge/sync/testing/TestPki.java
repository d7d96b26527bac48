package dev.wedge.sync.testing;

import dev.wedge.sync.tls.TlsContexts;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority made in memory for TLS tests: HQ's server certificate for 127.0.0.1 and
 * one client certificate per warehouse ({@code CN=<warehouseId>}). Nothing is written to disk.
 */
public final class TestPki {
    private static final char[] PASSWORD = "test-only".toCharArray();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A key with its certificate. */
    public record Issued(PrivateKey key, X509Certificate certificate) {
    }

    private final KeyPair caKeys;
    private final X509Certificate caCert;

    public TestPki(String caName) throws Exception {
        caKeys = newKeys();
        Instant now = Instant.now();
        X509v3CertificateBuilder b = builder(new X500Name("CN=" + caName), new X500Name("CN=" + caName),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)), caKeys);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        caCert = sign(b, caKeys.getPrivate());
    }

    public X509Certificate caCertificate() {
        return caCert;
    }

    /** HQ's certificate for 127.0.0.1 and localhost. */
    public Issued server() throws Exception {
        KeyPair keys = newKeys();
        Instant now = Instant.now();
        X509v3CertificateBuilder b = builder(new X500Name(caCert.getSubjectX500Principal().getName()),
                new X500Name("CN=hq.test"), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)), keys);
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        return new Issued(keys.getPrivate(), sign(b, caKeys.getPrivate()));
    }

    /** A warehouse client certificate valid from {@code notBefore} to {@code notAfter}. */
    public Issued client(String warehouseId, Instant notBefore, Instant notAfter) throws Exception {
        KeyPair keys = newKeys();
        X509v3CertificateBuilder b = builder(new X500Name(caCert.getSubjectX500Principal().getName()),
                new X500Name("CN=" + warehouseId + ", O=Wedge test"), notBefore, notAfter, keys);
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        return new Issued(keys.getPrivate(), sign(b, caKeys.getPrivate()));
    }

    /** A warehouse client certificate valid now. */
    public Issued client(String warehouseId) throws Exception {
        Instant now = Instant.now();
        return client(warehouseId, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)));
    }

    /** A TLS 1.3 context presenting {@code own} (may be null) and trusting {@code trusted}'s CA. */
    public static SSLContext context(Issued own, TestPki trusted) throws Exception {
        KeyStore keys = null;
        if (own != null) {
            keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("own", own.key(), PASSWORD, new Certificate[] {own.certificate()});
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", trusted.caCertificate());
        return TlsContexts.create(keys, PASSWORD, trust);
    }

    private static KeyPair newKeys() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(256);
        return kpg.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, Instant from, Instant to,
            KeyPair keys) {
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(from), Date.from(to), subject, keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey issuerKey) throws Exception {
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey);
        return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    }
}
