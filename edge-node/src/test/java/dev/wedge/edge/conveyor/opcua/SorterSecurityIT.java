package dev.wedge.edge.conveyor.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.wedge.edge.conveyor.PlcSettings;
import dev.wedge.edge.conveyor.TestPki;
import dev.wedge.edge.conveyor.sim.ConveyorSimulator;
import dev.wedge.edge.conveyor.sim.SimulatorSecurity;
import dev.wedge.edge.conveyor.sim.SorterModel;
import dev.wedge.edge.conveyor.sim.SorterSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may talk to a sorter: certificates both ways, user identities, and no unsecured sessions by default. */
class SorterSecurityIT {

    @TempDir
    Path dir;

    private TestPki pki;
    private ConveyorSimulator sim;
    private PlcSession session;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);

    @BeforeEach
    void certificates() throws Exception {
        pki = TestPki.create(dir);
    }

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
        if (sim != null) {
            sim.close();
            sim.model().close();
        }
        executor.shutdownNow();
    }

    @Test
    void isRefusedByAPlcThatDoesNotTrustWedgesCertificate() throws Exception {
        start(SimulatorSecurity.generate("127.0.0.1", List.of(), Map.of()));
        pki.trust(sim.certificate(), "sim");
        connect("Basic256Sha256", Optional.empty());
        await().atMost(15, TimeUnit.SECONDS).until(() -> session.status().lastError() != null);
        await().during(2, TimeUnit.SECONDS).atMost(4, TimeUnit.SECONDS).until(() -> !session.status().connected());
        assertThat(session.status().sessions()).isZero();
        assertThat(session.status().lastError()).contains("Bad_Security");
    }

    @Test
    void refusesAPlcWhoseCertificateTheOperatorHasNotTrustedAndSetsItAsideForReview() throws Exception {
        start(pki.simulatorTrustingClient());
        connect("Basic256Sha256", Optional.empty());
        await().atMost(15, TimeUnit.SECONDS).until(() -> session.status().lastError() != null);
        await().during(2, TimeUnit.SECONDS).atMost(4, TimeUnit.SECONDS).until(() -> !session.status().connected());
        assertThat(session.status().sessions()).isZero();
        try (Stream<Path> rejected = Files.walk(pki.trustDir.resolve("rejected"))) {
            assertThat(rejected.filter(Files::isRegularFile).count()).as("certificates set aside").isPositive();
        }
    }

    @Test
    void refusesSecurityModeNoneEvenWhenThePlcOffersOnlyThat() throws Exception {
        SimulatorSecurity open = pki.simulatorTrustingClient();
        start(new SimulatorSecurity(open.keyPair(), open.certificate(), open.trustedClients(), open.users(), Set.of(),
                true));
        pki.trust(sim.certificate(), "sim");
        connect("Basic256Sha256", Optional.empty());
        await().atMost(15, TimeUnit.SECONDS).until(() -> session.status().lastError() != null);
        assertThat(session.status().lastError()).contains("offers no Basic256Sha256 SignAndEncrypt endpoint");
        assertThat(session.status().connected()).isFalse();
    }

    @Test
    void refusesPolicyNoneAndDeprecatedPoliciesUnlessTheConfigurationIsMarkedAsALab() {
        assertThatThrownBy(() -> EndpointSelector.choose(List.of(), pki.security("None", false, Optional.empty()),
                URI.create("opc.tcp://127.0.0.1:4840/")))
                .isInstanceOf(PlcSecurityException.class).hasMessageContaining("refused outside a lab");
        assertThatThrownBy(() -> EndpointSelector.choose(List.of(), pki.security("Basic128Rsa15", false,
                Optional.empty()), URI.create("opc.tcp://127.0.0.1:4840/")))
                .isInstanceOf(PlcSecurityException.class).hasMessageContaining("refused outside a lab");
        assertThatThrownBy(() -> EndpointSelector.choose(List.of(), pki.security("None", true, Optional.empty()),
                URI.create("opc.tcp://127.0.0.1:4840/")))
                .as("a lab may ask for None, and then only fails because nothing is offered")
                .isInstanceOf(PlcSecurityException.class).hasMessageContaining("offers no None None endpoint");
    }

    @Test
    void connectsWithAes256Sha256RsaPssAndAUserNameIdentity() throws Exception {
        start(pki.simulatorTrustingClient());
        pki.trust(sim.certificate(), "sim");
        connect("Aes256_Sha256_RsaPss", Optional.of("sorter"));
        await().atMost(20, TimeUnit.SECONDS).until(() -> session.status().connected());
        assertThat(session.status().securityPolicy()).isEqualTo(SecurityPolicy.Aes256_Sha256_RsaPss.name());
    }

    @Test
    void isRefusedWithAWrongPassword() throws Exception {
        start(SimulatorSecurity.generate("127.0.0.1", List.of(pki.clientCertificate), Map.of("sorter", "other")));
        pki.trust(sim.certificate(), "sim");
        connect("Basic256Sha256", Optional.of("sorter"));
        await().atMost(15, TimeUnit.SECONDS).until(() -> session.status().lastError() != null);
        assertThat(session.status().connected()).isFalse();
        assertThat(session.status().lastError()).contains("Bad_");
    }

    private void start(SimulatorSecurity security) throws Exception {
        sim = new ConveyorSimulator(new SorterModel(new SorterSettings(4, 4, Duration.ofMillis(200)),
                Clock.systemUTC()), security, "127.0.0.1", 0);
        sim.start();
    }

    private void connect(String policy, Optional<String> user) {
        session = new PlcSession(new PlcSettings("sorter-1", URI.create(sim.endpointUrl()),
                URI.create(sim.discoveryUrl()), Duration.ZERO, Duration.ofMillis(5), Duration.ofMillis(25),
                pki.security(policy, false, user), 4, 4, 4, List.of()), executor, Clock.systemUTC());
        session.start();
    }
}
