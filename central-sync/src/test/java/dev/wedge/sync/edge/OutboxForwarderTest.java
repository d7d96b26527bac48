package dev.wedge.sync.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wedge.sync.hq.HqServer;
import dev.wedge.sync.hq.HqSettings;
import dev.wedge.sync.testing.EdgeDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxForwarderTest {
    private static final ForwarderSettings FAST = new ForwarderSettings(50, Duration.ofMillis(20),
            Duration.ofMillis(20), Duration.ofMillis(200));

    private final EdgeDatabase edge = new EdgeDatabase("WH-1");
    private HqServer hq;
    private OutboxForwarder forwarder;

    @AfterEach
    void stopEverything() {
        if (forwarder != null) {
            forwarder.stop();
        }
        if (hq != null) {
            hq.stop();
        }
    }

    @Test
    void deliversEveryRecordToARealHqInSequenceOrder() throws Exception {
        hq = new HqServer(HqSettings.local("jdbc:derby:memory:hq-" + UUID.randomUUID() + ";create=true"));
        hq.start();
        edge.commitMovements(120);

        forwarder = new OutboxForwarder(edge.dataSource(), "WH-1", hq.uri(), FAST);
        forwarder.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> edge.backlog() == 0);
        assertThat(hqLines()).containsExactlyElementsOf(edge.outboxLines());
        ForwarderStatus status = forwarder.status();
        assertThat(status.backlog()).isZero();
        assertThat(status.acked()).isEqualTo(120);
        assertThat(status.hqReachable()).isTrue();
        assertThat(status.lastAckAt()).isNotNull();
        assertThat(status.lastError()).isNull();
    }

    @Test
    void purgeRemovesOnlyAcknowledgedRecords() throws Exception {
        hq = new HqServer(HqSettings.local("jdbc:derby:memory:hq-" + UUID.randomUUID() + ";create=true"));
        hq.start();
        edge.commitMovements(5);
        forwarder = new OutboxForwarder(edge.dataSource(), "WH-1", hq.uri(), FAST);
        forwarder.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> edge.backlog() == 0);
        forwarder.stop();
        edge.commitMovements(2);

        int purged;
        try (java.sql.Connection c = edge.dataSource().getConnection()) {
            c.setAutoCommit(false);
            purged = edge.outbox().purgeAcknowledged(c, java.time.Instant.now().plusSeconds(1));
            c.commit();
        }

        assertThat(purged).isEqualTo(5);
        assertThat(edge.outboxLines()).extracting(l -> l.split(" ")[0]).containsExactly("6", "7");
        assertThat(edge.backlog()).isEqualTo(2);
    }

    @Test
    void hqStoppedAndRestartedOnTheSameDatabaseEndsWithEveryRecordExactlyOnce(@TempDir Path dir) throws Exception {
        HqSettings settings = HqSettings.local("jdbc:derby:" + dir.resolve("hq") + ";create=true");
        hq = new HqServer(settings);
        int port = hq.start();
        forwarder = new OutboxForwarder(edge.dataSource(), "WH-1", hq.uri(), FAST);
        forwarder.start();
        edge.commitMovements(60);
        await().atMost(Duration.ofSeconds(20)).until(() -> hq.store().count("WH-1") > 0);

        hq.stop();
        edge.commitMovements(60);
        await().atMost(Duration.ofSeconds(20)).until(() -> !forwarder.status().hqReachable());
        long attemptsWhileDown = forwarder.status().sent();
        await().atMost(Duration.ofSeconds(20)).until(() -> forwarder.status().sent() > attemptsWhileDown);
        assertThat(edge.backlog()).isPositive();

        hq = new HqServer(settings.withPort(port));
        hq.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> edge.backlog() == 0);

        assertThat(hqLines()).containsExactlyElementsOf(edge.outboxLines()).hasSize(120);
        assertThat(hq.store().count("WH-1")).isEqualTo(120);
        assertThat(hq.store().contiguousThrough("WH-1")).isEqualTo(120);
    }

    @Test
    void recordsWrittenWhileHqIsDownAreDeliveredOnceItAppears(@TempDir Path dir) throws Exception {
        HqSettings settings = HqSettings.local("jdbc:derby:" + dir.resolve("hq") + ";create=true");
        hq = new HqServer(settings);
        int port = hq.start();
        hq.stop();
        forwarder = new OutboxForwarder(edge.dataSource(), "WH-1", java.net.URI.create("http://127.0.0.1:" + port),
                FAST);
        forwarder.start();
        edge.commitMovements(30);
        await().atMost(Duration.ofSeconds(20)).until(() -> forwarder.status().lastError() != null);
        assertThat(forwarder.status().backlog()).isEqualTo(30);
        await().atMost(Duration.ofSeconds(20)).until(() -> edge.deliveryColumns().get(0).endsWith("true false true 0"));

        hq = new HqServer(settings.withPort(port));
        hq.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> edge.backlog() == 0);
        assertThat(hqLines()).containsExactlyElementsOf(edge.outboxLines());
        // Every record counts its failed attempts and the successful one; the last error is cleared on ack.
        assertThat(edge.deliveryColumns()).allSatisfy(d -> {
            assertThat(Integer.parseInt(d.split(" ")[0])).isGreaterThanOrEqualTo(2);
            assertThat(d).endsWith("true true false 1");
        });
    }

    /**
     * Waiting for {@code status().backlog() == 0} is how a caller knows every record is delivered (the fault run's
     * edge process exits on it), so a zero while records are pending ends a run with records HQ never received.
     */
    @Test
    void statusReportsTheBacklogItCountedEvenWhenTheForwarderSubtractsAnAckedBatchMeanwhile() throws Exception {
        hq = new HqServer(HqSettings.local("jdbc:derby:memory:hq-" + UUID.randomUUID() + ";create=true"));
        hq.start();
        edge.commitMovements(20);
        AckInterleaving db = new AckInterleaving(edge.dataSource(), Thread.currentThread());
        forwarder = new OutboxForwarder(db.dataSource(), "WH-1", hq.uri(), new ForwarderSettings(10,
                Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(200)));
        forwarder.start();
        assertThat(db.firstAckCommitted.await(20, TimeUnit.SECONDS)).isTrue();

        // Counts the second batch's 10 records, then lets the forwarder subtract the first batch's 10 acks from
        // the figure before status() has read the rest of its figures.
        ForwarderStatus status = forwarder.status();

        assertThat(db.interleaved).isTrue();
        assertThat(status.backlog()).isEqualTo(10);
    }

    private List<String> hqLines() {
        return hq.store().records("WH-1").stream()
                .map(r -> r.seq() + " " + r.key() + " " + r.kind() + " " + r.payload())
                .collect(Collectors.toList());
    }

}
