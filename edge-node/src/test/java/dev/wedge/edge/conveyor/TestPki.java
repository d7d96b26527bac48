package dev.wedge.edge.conveyor;

import dev.wedge.edge.conveyor.sim.SimulatorSecurity;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * Certificates made fresh for each test: a simulated PLC's, Wedge's application certificate in a PKCS#12 key
 * store, and an operator trust folder that trusts the PLC. Nothing is committed; everything lives in a temp dir.
 */
public final class TestPki {

    public static final String APPLICATION_URI = "urn:wedge:edge:test";
    public static final String PASSWORD = "test-only";

    public final Path dir;
    public final X509Certificate clientCertificate;
    public final KeyPair clientKeyPair;
    public final Path keyStore;
    public final Path trustDir;

    private TestPki(Path dir, KeyPair kp, X509Certificate cert, Path keyStore, Path trustDir) {
        this.dir = dir;
        this.clientKeyPair = kp;
        this.clientCertificate = cert;
        this.keyStore = keyStore;
        this.trustDir = trustDir;
    }

    /** Wedge's key store and an empty trust folder under {@code dir}. */
    public static TestPki create(Path dir) throws Exception {
        KeyPair kp = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate cert = new SelfSignedCertificateBuilder(kp).setCommonName("Wedge edge test")
                .setOrganization("Wedge").setApplicationUri(APPLICATION_URI).addDnsName("localhost")
                .addIpAddress("127.0.0.1").build();
        Path ks = dir.resolve("edge.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("wedge", kp.getPrivate(), PASSWORD.toCharArray(), new X509Certificate[]{cert});
        try (OutputStream out = Files.newOutputStream(ks)) {
            store.store(out, PASSWORD.toCharArray());
        }
        Path trust = dir.resolve("pki");
        Files.createDirectories(trust.resolve("trusted/certs"));
        return new TestPki(dir, kp, cert, ks, trust);
    }

    /** A simulator security that trusts this client and knows the user {@code sorter}/{@code sorter-pw}. */
    public SimulatorSecurity simulatorTrustingClient() throws Exception {
        return SimulatorSecurity.generate("127.0.0.1", List.of(clientCertificate), Map.of("sorter", "sorter-pw"));
    }

    /** Puts the PLC's certificate where the operator would: {@code trusted/certs}. */
    public void trust(X509Certificate plcCertificate, String name) throws Exception {
        Files.write(trustDir.resolve("trusted/certs").resolve(name + ".der"), plcCertificate.getEncoded());
    }

    public PlcSettings.PlcSecurity security(String policy, boolean lab, Optional<String> user) {
        return new PlcSettings.PlcSecurity(policy, lab, keyStore, PASSWORD, "wedge", APPLICATION_URI, trustDir,
                user, user.isPresent() ? "sorter-pw" : "");
    }
}
