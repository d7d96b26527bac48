package dev.wedge.sync.hq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.wedge.sync.SyncException;
import dev.wedge.sync.edge.EdgeCredentials;
import dev.wedge.sync.edge.ForwarderSettings;
import dev.wedge.sync.edge.OutboxForwarder;
import dev.wedge.sync.testing.EdgeDatabase;
import dev.wedge.sync.testing.TestPki;
import dev.wedge.sync.wire.Batch;
import dev.wedge.sync.wire.RecordEnvelope;
import dev.wedge.sync.wire.WireCodec;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HqSecurityTest {
    private static final ForwarderSettings FAST = new ForwarderSettings(50, Duration.ofMillis(20),
            Duration.ofMillis(20), Duration.ofMillis(200));
    private static TestPki warehouseCa;
    private static TestPki strangerCa;
    private HqServer hq;
    private OutboxForwarder forwarder;

    @BeforeAll
    static void makeCertificateAuthorities() throws Exception {
        warehouseCa = new TestPki("Wedge warehouse CA");
        strangerCa = new TestPki("Somebody else's CA");
    }

    @AfterEach
    void stopEverything() {
        if (forwarder != null) {
            forwarder.stop();
        }
        if (hq != null) {
            hq.stop();
        }
    }

    private void startMutualTlsHq() throws Exception {
        SSLContext server = TestPki.context(warehouseCa.server(), warehouseCa);
        hq = new HqServer(HqSettings.local("jdbc:derby:memory:hq-" + UUID.randomUUID() + ";create=true")
                .withSecurity(HqSecurity.mutualTls(server)));
        hq.start();
    }

    private int post(SSLContext client, String warehouseId, String... tlsProtocols) throws Exception {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(client);
        if (tlsProtocols.length > 0) {
            SSLParameters p = client.getDefaultSSLParameters();
            p.setProtocols(tlsProtocols);
            b.sslParameters(p);
        }
        Batch batch = new Batch(warehouseId, List.of(new RecordEnvelope(1, warehouseId + ":1", "movement", 5,
                Instant.now(), "{}")));
        return b.build().send(HttpRequest.newBuilder(hq.uri().resolve("/sync/v1/batches"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(WireCodec.toJson(batch))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void warehouseWithAGoodCertificateDeliversOverMutualTls() throws Exception {
        startMutualTlsHq();
        EdgeDatabase edge = new EdgeDatabase("WH-1");
        edge.commitMovements(20);
        SSLContext client = TestPki.context(warehouseCa.client("WH-1"), warehouseCa);

        forwarder = new OutboxForwarder(edge.dataSource(), "WH-1", hq.uri(), FAST, EdgeCredentials.tls(client));
        forwarder.start();

        assertThat(hq.uri().getScheme()).isEqualTo("https");
        await().atMost(Duration.ofSeconds(15)).until(() -> edge.backlog() == 0);
        assertThat(hq.store().count("WH-1")).isEqualTo(20);
    }

    @Test
    void certificateFromAnotherCaIsRefused() throws Exception {
        startMutualTlsHq();
        SSLContext client = TestPki.context(strangerCa.client("WH-1"), warehouseCa);

        assertThatThrownBy(() -> post(client, "WH-1")).isInstanceOf(IOException.class);
        assertThat(hq.store().warehouses()).isEmpty();
    }

    @Test
    void expiredCertificateIsRefused() throws Exception {
        startMutualTlsHq();
        Instant now = Instant.now();
        SSLContext client = TestPki.context(warehouseCa.client("WH-1", now.minus(Duration.ofDays(10)),
                now.minus(Duration.ofDays(1))), warehouseCa);

        assertThatThrownBy(() -> post(client, "WH-1")).isInstanceOf(IOException.class);
        assertThat(hq.store().warehouses()).isEmpty();
    }

    @Test
    void clientWithoutCertificateIsRefused() throws Exception {
        startMutualTlsHq();
        SSLContext client = TestPki.context(null, warehouseCa);

        assertThatThrownBy(() -> post(client, "WH-1")).isInstanceOf(IOException.class);
        assertThat(hq.store().warehouses()).isEmpty();
    }

    @Test
    void tlsOlderThanOnePointThreeIsRefused() throws Exception {
        startMutualTlsHq();
        SSLContext good = TestPki.context(warehouseCa.client("WH-1"), warehouseCa);

        assertThatThrownBy(() -> post(good, "WH-1", "TLSv1.2")).isInstanceOf(IOException.class);
        assertThat(post(good, "WH-1")).isEqualTo(200);
    }

    @Test
    void warehouseMayNotSendInTheNameOfAnother() throws Exception {
        startMutualTlsHq();
        SSLContext wh2 = TestPki.context(warehouseCa.client("WH-2"), warehouseCa);

        assertThat(post(wh2, "WH-1")).isEqualTo(403);
        assertThat(post(wh2, "WH-2")).isEqualTo(200);
        assertThat(hq.store().warehouses()).extracting(WarehouseSummary::warehouseId).containsExactly("WH-2");
    }

    @Test
    void tokenSecurityAcceptsTheWarehousesTokenAndRefusesOthers() throws Exception {
        String token = "t0k3n-for-wh-1-abcdef";
        hq = new HqServer(HqSettings.local("jdbc:derby:memory:hq-" + UUID.randomUUID() + ";create=true")
                .withSecurity(HqSecurity.tokens(Map.of("WH-1", token, "WH-2", "another-token-for-wh-2"))));
        hq.start();
        EdgeDatabase edge = new EdgeDatabase("WH-1");
        edge.commitMovements(3);

        OutboxForwarder wrong = new OutboxForwarder(edge.dataSource(), "WH-1", hq.uri(), FAST,
                EdgeCredentials.token("another-token-for-wh-2"));
        wrong.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> wrong.status().lastError() != null
                && wrong.status().lastError().contains("403"));
        wrong.stop();
        assertThat(hq.store().warehouses()).isEmpty();

        forwarder = new OutboxForwarder(edge.dataSource(), "WH-1", hq.uri(), FAST, EdgeCredentials.token(token));
        forwarder.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> edge.backlog() == 0);
        assertThat(hq.store().count("WH-1")).isEqualTo(3);
    }

    @Test
    void securitySettingsWithMissingPiecesAreRefused() {
        assertThatThrownBy(() -> HqSecurity.mutualTls(null)).isInstanceOf(SyncException.class)
                .hasMessageContaining("SSL context");
        assertThatThrownBy(() -> HqSecurity.tokens(Map.of("WH-1", "short"))).hasMessageContaining("16");
    }
}
