package dev.wedge.edge.conveyor.sim;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * How the simulated PLC secures its endpoints: its own application certificate, the client application
 * certificates it trusts, the user names it accepts and the security policies it offers (always in
 * SignAndEncrypt mode). {@code offerNone} adds an unsecured endpoint, the way a PLC left in its factory setting
 * would; it exists to prove that Wedge refuses such an endpoint unless told otherwise.
 *
 * @param keyPair        the server's key pair
 * @param certificate    the server's application certificate (its application URI is {@link #APPLICATION_URI})
 * @param trustedClients client application certificates accepted for secure channels and X.509 user identities
 * @param users          user name to password
 * @param policies       security policies offered, each with SignAndEncrypt
 * @param offerNone      also offer security mode None (lab only)
 */
public record SimulatorSecurity(KeyPair keyPair, X509Certificate certificate, List<X509Certificate> trustedClients,
                                Map<String, String> users, Set<SecurityPolicy> policies, boolean offerNone) {

    public static final String APPLICATION_URI = "urn:wedge:conveyor-simulator";

    public SimulatorSecurity {
        Objects.requireNonNull(keyPair, "keyPair");
        Objects.requireNonNull(certificate, "certificate");
        trustedClients = List.copyOf(trustedClients);
        users = Map.copyOf(users);
        policies = Set.copyOf(policies);
        if (policies.contains(SecurityPolicy.None)) {
            throw new IllegalArgumentException("security policy None is offered through offerNone, not policies");
        }
        if (policies.isEmpty() && !offerNone) {
            throw new IllegalArgumentException("the simulator must offer at least one security policy");
        }
    }

    /** A fresh self-signed server certificate for {@code host} (2048-bit RSA, SHA-256). */
    public static SimulatorSecurity generate(String host, List<X509Certificate> trustedClients,
                                             Map<String, String> users) throws Exception {
        KeyPair kp = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        SelfSignedCertificateBuilder b = new SelfSignedCertificateBuilder(kp)
                .setCommonName("Wedge conveyor simulator").setOrganization("Wedge")
                .setApplicationUri(APPLICATION_URI).addDnsName("localhost");
        if (host.matches("[0-9.:]+")) {
            b.addIpAddress(host);
        } else {
            b.addDnsName(host);
        }
        return new SimulatorSecurity(kp, b.build(), trustedClients, users,
                Set.of(SecurityPolicy.Basic256Sha256, SecurityPolicy.Aes256_Sha256_RsaPss), false);
    }

    /** The same, also offering an unsecured endpoint. */
    public SimulatorSecurity withNoneOffered() {
        return new SimulatorSecurity(keyPair, certificate, trustedClients, users, policies, true);
    }
}
