package dev.wedge.edge.conveyor.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wedge.edge.conveyor.Induction;
import dev.wedge.edge.conveyor.PlcSettings;
import dev.wedge.edge.conveyor.SorterNodes;
import dev.wedge.edge.conveyor.TestPki;
import dev.wedge.edge.conveyor.sim.ConveyorSimulator;
import dev.wedge.edge.conveyor.sim.SorterModel;
import dev.wedge.edge.conveyor.sim.SorterSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlcSessionIT {

    @TempDir
    Path dir;

    private ConveyorSimulator sim;
    private PlcSession session;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);

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
    void receivesScansAndDeliversDivertRequestsOverSignAndEncrypt() throws Exception {
        TestPki pki = TestPki.create(dir);
        sim = new ConveyorSimulator(new SorterModel(new SorterSettings(4, 4, Duration.ofMillis(200)),
                Clock.systemUTC()), pki.simulatorTrustingClient(), "127.0.0.1", 0);
        sim.start();
        pki.trust(sim.certificate(), "sim");
        session = new PlcSession(settings(pki, "Basic256Sha256", Optional.empty()), executor, Clock.systemUTC());
        List<Induction> seen = new CopyOnWriteArrayList<>();
        session.monitor(ExpandedNodeId.parse("nsu=" + SorterNodes.NAMESPACE_URI + ";s=" + SorterNodes.INDUCTION), 0,
                (DataValue v) -> {
                    if (v.getValue().isNotNull()) {
                        seen.add(InductionCodec.decode(v));
                    }
                });
        session.start();
        await().atMost(10, TimeUnit.SECONDS).until(() -> session.status().connected());

        Induction parcel = sim.model().induce("00106141410000000018").orElseThrow();
        await().atMost(2, TimeUnit.SECONDS).until(() -> seen.stream().anyMatch(p -> p.trackingId() == parcel.trackingId()
                && p.barcode().equals(parcel.barcode())));
        session.write(ExpandedNodeId.parse("nsu=" + SorterNodes.NAMESPACE_URI + ";s=" + SorterNodes.divertRequest(2)),
                new Variant(UInteger.valueOf(parcel.trackingId()))).get(2, TimeUnit.SECONDS);

        await().atMost(2, TimeUnit.SECONDS).until(() -> sim.model().outcome(parcel.trackingId()).isPresent());
        assertThat(sim.model().outcome(parcel.trackingId()).orElseThrow().reachedLane()).isEqualTo(2);
        assertThat(session.status().securityPolicy()).isEqualTo("Basic256Sha256");
    }

    @Test
    void noticesASilentNetworkAndSortsAgainWithinFiveSecondsOfItsReturn() throws Exception {
        TestPki pki = TestPki.create(dir);
        sim = new ConveyorSimulator(new SorterModel(new SorterSettings(4, 4, Duration.ofMillis(200)),
                Clock.systemUTC()), pki.simulatorTrustingClient(), "127.0.0.1", 0);
        int simPort = sim.start();
        pki.trust(sim.certificate(), "sim");
        try (BlackholeRelay relay = new BlackholeRelay(simPort)) {
            String via = "opc.tcp://127.0.0.1:" + relay.port() + "/wedge-sorter";
            session = new PlcSession(new PlcSettings("sorter-1", URI.create(via), URI.create(via + "/discovery"),
                    Duration.ZERO, Duration.ofMillis(5), Duration.ofMillis(25),
                    pki.security("Basic256Sha256", false, Optional.empty()), 4, 4, 4, List.of()), executor,
                    Clock.systemUTC());
            List<Long> seen = new CopyOnWriteArrayList<>();
            session.monitor(ExpandedNodeId.parse("nsu=" + SorterNodes.NAMESPACE_URI + ";s=" + SorterNodes.INDUCTION),
                    0, v -> {
                        if (v.getValue().isNotNull()) {
                            seen.add(InductionCodec.decode(v).trackingId());
                        }
                    });
            session.start();
            await().atMost(15, TimeUnit.SECONDS).until(() -> session.status().connected());

            relay.blackhole(true);
            await().atMost(5, TimeUnit.SECONDS).until(() -> !session.status().connected());
            relay.blackhole(false);
            long restored = System.nanoTime();
            await().atMost(5, TimeUnit.SECONDS).until(() -> session.status().connected());
            Induction parcel = sim.model().induce("SHP-1001").orElseThrow();
            await().atMost(2, TimeUnit.SECONDS).until(() -> seen.contains(parcel.trackingId()));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restored)).isLessThan(5_000);
            // Milo's client reactivates the same session over a new channel (its subscription survives), or the
            // session is rebuilt; either way the loss was noticed and shows in the status.
            assertThat(session.status().sessions()).isPositive();
            assertThat(session.status().lastLostAt()).isNotNull();
        }
    }

    PlcSettings settings(TestPki pki, String policy, Optional<String> user) {
        return new PlcSettings("sorter-1", URI.create(sim.endpointUrl()), URI.create(sim.discoveryUrl()),
                Duration.ZERO, Duration.ofMillis(5), Duration.ofMillis(25), pki.security(policy, false, user), 4, 4, 4,
                List.of());
    }
}
