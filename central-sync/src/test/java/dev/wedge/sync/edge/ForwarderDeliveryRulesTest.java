package dev.wedge.sync.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wedge.sync.hq.HqServer;
import dev.wedge.sync.hq.HqSettings;
import dev.wedge.sync.hq.StoredRecord;
import dev.wedge.sync.testing.EdgeDatabase;
import dev.wedge.sync.wire.RecordEnvelope;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForwarderDeliveryRulesTest {
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

    private void append(String kind, int priority, String payload) throws Exception {
        try (Connection c = edge.dataSource().getConnection()) {
            c.setAutoCommit(false);
            edge.outbox().append(c, kind, payload, priority);
            c.commit();
        }
    }

    @Test
    void sendsHighestPriorityOldestRecordFirst() throws Exception {
        append("telemetry", 9, "{\"t\":1}");
        append("short-pick", 0, "{\"p\":2}");
        append("movement", 5, "{\"m\":3}");
        append("shipment", 0, "{\"s\":4}");

        List<RecordEnvelope> order = new OutboxTable(edge.dataSource(), "WH-1").pending(10, 1 << 20);

        assertThat(order).extracting(RecordEnvelope::seq).containsExactly(2L, 4L, 3L, 1L);
    }

    @Test
    void batchesAreBoundedByCountAndByBytes() throws Exception {
        String big = "{\"blob\":\"" + "x".repeat(3000) + "\"}";
        for (int i = 0; i < 6; i++) {
            append("movement", 5, big);
        }
        OutboxTable table = new OutboxTable(edge.dataSource(), "WH-1");

        assertThat(table.pending(4, 1 << 20)).hasSize(4);
        assertThat(table.pending(10, 7000)).hasSize(2);
        // A single record larger than the byte bound still travels, alone.
        assertThat(table.pending(10, 1024)).hasSize(1);
    }

    @Test
    void firstRecordArrivesWithinTwoSecondsAfterHqReturnsFromALongOutage(@TempDir Path dir) throws Exception {
        HqSettings settings = HqSettings.local("jdbc:derby:" + dir.resolve("hq") + ";create=true");
        hq = new HqServer(settings);
        int port = hq.start();
        hq.stop();
        // Backoff doubles from 4 s towards 60 s: without probing, HQ's return would go unnoticed for seconds.
        ForwarderSettings slow = new ForwarderSettings(100, Duration.ofMillis(50), Duration.ofSeconds(4),
                Duration.ofSeconds(60)).withProbe(Duration.ofMillis(500), Duration.ofSeconds(5));
        forwarder = new OutboxForwarder(edge.dataSource(), "WH-1", URI.create("http://127.0.0.1:" + port), slow);
        forwarder.start();
        edge.commitMovements(5);
        await().atMost(Duration.ofSeconds(10)).until(() -> forwarder.status().lastError() != null);

        hq = new HqServer(settings.withPort(port));
        hq.start();

        await().atMost(Duration.ofSeconds(2)).until(() -> hq.store().count("WH-1") > 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> edge.backlog() == 0);
    }

    @Test
    void backlogAlarmRisesWhenTooManyRecordsWaitAndClearsWhenDrained(@TempDir Path dir) throws Exception {
        HqSettings settings = HqSettings.local("jdbc:derby:" + dir.resolve("hq") + ";create=true");
        hq = new HqServer(settings);
        int port = hq.start();
        hq.stop();
        ForwarderSettings alarmed = new ForwarderSettings(100, Duration.ofMillis(20), Duration.ofMillis(50),
                Duration.ofMillis(200)).withAlarm(5, Duration.ofHours(1));
        forwarder = new OutboxForwarder(edge.dataSource(), "WH-1", URI.create("http://127.0.0.1:" + port), alarmed);
        forwarder.start();
        edge.commitMovements(8);

        ForwarderStatus down = forwarder.status();
        assertThat(down.backlogAlarm()).isTrue();
        assertThat(down.backlog()).isEqualTo(8);
        assertThat(down.oldestPendingAt()).isNotNull();

        hq = new HqServer(settings.withPort(port));
        hq.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> edge.backlog() == 0);
        assertThat(forwarder.status().backlogAlarm()).isFalse();
        assertThat(forwarder.status().oldestPendingAt()).isNull();
    }

    @Test
    void backlogAlarmRisesWhenTheOldestRecordIsTooOld() throws Exception {
        ForwarderSettings alarmed = ForwarderSettings.defaults().withAlarm(1000, Duration.ofMillis(1));
        forwarder = new OutboxForwarder(edge.dataSource(), "WH-1", URI.create("http://127.0.0.1:1"), alarmed);
        edge.commitMovements(1);

        await().atMost(Duration.ofSeconds(2)).until(() -> forwarder.status().backlogAlarm());
    }

    @Test
    void hqThatLostRecordsAsksForThemAgainAndGetsThem() throws Exception {
        String url = "jdbc:derby:memory:hq-" + UUID.randomUUID() + ";create=true";
        hq = new HqServer(HqSettings.local(url));
        hq.start();
        ForwarderSettings fast = new ForwarderSettings(4, Duration.ofMillis(20), Duration.ofMillis(20),
                Duration.ofMillis(200));
        forwarder = new OutboxForwarder(edge.dataSource(), "WH-1", hq.uri(), fast);
        forwarder.start();
        edge.commitMovements(10);
        await().atMost(Duration.ofSeconds(10)).until(() -> edge.backlog() == 0);

        // HQ is restored from a backup that holds only records 1-3.
        restoreHqBackupThrough(url, 3);
        edge.commitMovements(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> hq.store().contiguousThrough("WH-1") == 11);
        assertThat(hq.store().records("WH-1")).extracting(StoredRecord::seq)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(hq.store().records("WH-1").stream().sorted(Comparator.comparingLong(StoredRecord::seq))
                .map(r -> r.seq() + " " + r.key() + " " + r.kind() + " " + r.payload()).toList())
                .containsExactlyElementsOf(edge.outboxLines());
    }

    private void restoreHqBackupThrough(String url, long seq) throws Exception {
        forwarder.stop();
        try (Connection c = java.sql.DriverManager.getConnection(url);
                Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM hq_record WHERE warehouse_id = 'WH-1' AND seq > " + seq);
            st.executeUpdate("UPDATE hq_warehouse SET contiguous_through = " + seq + ", record_count = " + seq
                    + " WHERE warehouse_id = 'WH-1'");
        }
        forwarder = new OutboxForwarder(edge.dataSource(), "WH-1", hq.uri(), new ForwarderSettings(4,
                Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(200)));
        forwarder.start();
    }
}
