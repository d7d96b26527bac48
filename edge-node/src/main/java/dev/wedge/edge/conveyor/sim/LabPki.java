package dev.wedge.edge.conveyor.sim;

import dev.wedge.edge.conveyor.PlcSettings;
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
 * Fresh certificates for a lab run (the demo, the benchmark, tests): Wedge's application key and certificate in a
 * PKCS#12 key store and an operator trust folder, generated under a folder at run time. No key is ever part of
 * the source tree; a real site's operator issues and trusts certificates with their own tools.
 */
public final class LabPki {

    public final Path dir;
    public final String applicationUri;
    public final String password;
    public final KeyPair clientKeyPair;
    public final X509Certificate clientCertificate;
    public final Path keyStore;
    public final Path trustDir;

    private LabPki(Path dir, String applicationUri, String password, KeyPair kp, X509Certificate cert, Path keyStore,
                   Path trustDir) {
        this.dir = dir;
        this.applicationUri = applicationUri;
        this.password = password;
        this.clientKeyPair = kp;
        this.clientCertificate = cert;
        this.keyStore = keyStore;
        this.trustDir = trustDir;
    }

    /** Generates Wedge's key store ({@code edge.p12}, alias {@code wedge}) and an empty trust folder in {@code dir}. */
    public static LabPki create(Path dir, String applicationUri, String password) throws Exception {
        KeyPair kp = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate cert = new SelfSignedCertificateBuilder(kp).setCommonName("Wedge edge node")
                .setOrganization("Wedge").setApplicationUri(applicationUri).addDnsName("localhost")
                .addIpAddress("127.0.0.1").build();
        Files.createDirectories(dir);
        Path ks = dir.resolve("edge.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("wedge", kp.getPrivate(), password.toCharArray(), new X509Certificate[]{cert});
        try (OutputStream out = Files.newOutputStream(ks)) {
            store.store(out, password.toCharArray());
        }
        Path trust = dir.resolve("pki");
        Files.createDirectories(trust.resolve("trusted/certs"));
        return new LabPki(dir, applicationUri, password, kp, cert, ks, trust);
    }

    /** A simulator identity that trusts this Wedge and knows the user {@code sorter} with {@code userPassword}. */
    public SimulatorSecurity simulatorTrustingWedge(String userPassword) throws Exception {
        return SimulatorSecurity.generate("127.0.0.1", List.of(clientCertificate), Map.of("sorter", userPassword));
    }

    /** Puts a PLC certificate where the operator would: {@code trusted/certs/<name>.der}. */
    public void trust(X509Certificate plcCertificate, String name) throws Exception {
        Files.write(trustDir.resolve("trusted/certs").resolve(name + ".der"), plcCertificate.getEncoded());
    }

    /** Security settings for this key store and trust folder. */
    public PlcSettings.PlcSecurity security(String policy, boolean lab, Optional<String> user, String userPassword) {
        return new PlcSettings.PlcSecurity(policy, lab, keyStore, password, "wedge", applicationUri, trustDir, user,
                user.isPresent() ? userPassword : "");
    }
}
