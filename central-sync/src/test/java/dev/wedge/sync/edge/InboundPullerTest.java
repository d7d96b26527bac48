package dev.wedge.sync.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import dev.wedge.sync.hq.HqServer;
import dev.wedge.sync.hq.HqSettings;
import dev.wedge.sync.testing.EdgeDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InboundPullerTest {
    private static final ForwarderSettings SETTINGS = new ForwarderSettings(100, Duration.ofMillis(20),
            Duration.ofMillis(20), Duration.ofMillis(200));
    private final EdgeDatabase edge = new EdgeDatabase("WH-1");
    private HqServer hq;

    @BeforeEach
    void startHqAndAppTable() throws SQLException {
        hq = new HqServer(HqSettings.local("jdbc:derby:memory:hq-" + UUID.randomUUID() + ";create=true"));
        hq.start();
        try (Connection c = edge.dataSource().getConnection()) {
            c.createStatement().execute("CREATE TABLE applied (cursor_no BIGINT PRIMARY KEY, kind VARCHAR(64),"
                    + " entity_key VARCHAR(100))");
        }
    }

    @AfterEach
    void stopHq() {
        hq.stop();
    }

    /** The application's handler: writes what it applied into its own table, in the given transaction. */
    private static InboundOutcome recordApplied(Connection tx, dev.wedge.sync.wire.InboundMessage m)
            throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO applied VALUES (?, ?, ?)")) {
            ps.setLong(1, m.cursor());
            ps.setString(2, m.kind());
            ps.setString(3, m.key());
            ps.executeUpdate();
        }
        return InboundOutcome.applied();
    }

    private InboundPuller puller(InboundHandler handler) {
        return new InboundPuller(edge.dataSource(), "WH-1", hq.uri(), SETTINGS, EdgeCredentials.none(),
                OwnershipRules.defaults(), handler);
    }

    private List<String> applied() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = edge.dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT kind, entity_key FROM applied ORDER BY cursor_no")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return out;
    }

    @Test
    void appliesMessagesForThisWarehouseInCursorOrderAndAcknowledgesThem() throws Exception {
        hq.store().publish("WH-1", "order", "order:1", "{\"lines\":2}");
        hq.store().publish("WH-2", "order", "order:2", "{}");
        long last = hq.store().publish(null, "price", "product:P-1", "{\"eur\":3.5}");

        int processed = puller(InboundPullerTest::recordApplied).pullOnce();

        assertThat(processed).isEqualTo(2);
        assertThat(applied()).containsExactly("order order:1", "price product:P-1");
        assertThat(hq.store().inboundAckedThrough("WH-1")).isEqualTo(last);
    }

    @Test
    void restartedPullerResumesFromTheStoredCursorWithoutRepeating() throws Exception {
        hq.store().publish("WH-1", "order", "order:1", "{}");
        puller(InboundPullerTest::recordApplied).pullOnce();
        hq.store().publish("WH-1", "order", "order:3", "{}");

        InboundPuller restarted = puller(InboundPullerTest::recordApplied);
        restarted.start();
        // A message is applied (its row committed) before HQ is told; wait for the acknowledgement as well.
        await().atMost(Duration.ofSeconds(10)).until(() -> applied().size() == 2
                && restarted.status().ackedThrough() == restarted.status().appliedThrough());
        restarted.stop();

        assertThat(applied()).containsExactly("order order:1", "order order:3");
        assertThat(restarted.status().appliedThrough()).isEqualTo(restarted.status().ackedThrough());
    }

    @Test
    void databaseFailureInTheHandlerRollsBackAndTheSameMessageIsAppliedLater() throws Exception {
        hq.store().publish("WH-1", "customer", "customer:9", "{}");
        AtomicInteger calls = new AtomicInteger();
        InboundHandler failingOnce = (tx, m) -> {
            recordApplied(tx, m);
            if (calls.incrementAndGet() == 1) {
                throw new SQLException("disk full", "58000");
            }
            return InboundOutcome.applied();
        };

        assertThatThrownBy(() -> puller(failingOnce).pullOnce()).isInstanceOf(SQLException.class);
        assertThat(applied()).isEmpty();
        puller(failingOnce).pullOnce();

        assertThat(applied()).containsExactly("customer customer:9");
    }

    @Test
    void ownershipRulesIgnoreEdgeOwnedKindsAndParkWhatNoRuleDecides() throws Exception {
        hq.store().publish("WH-1", "movement", "movement:7", "{}");
        hq.store().publish("WH-1", "pallet-rule", "rule:1", "{}");
        hq.store().publish("WH-1", "product", "product:P-2", "{}");
        InboundPuller p = puller(InboundPullerTest::recordApplied);

        p.pullOnce();

        assertThat(applied()).containsExactly("product product:P-2");
        assertThat(p.status().ignored()).isEqualTo(1);
        try (Connection c = edge.dataSource().getConnection()) {
            assertThat(new JdbcConflictList("WH-1").open(c)).singleElement()
                    .satisfies(conflict -> assertThat(conflict.reason()).isEqualTo("NO_OWNERSHIP_RULE"));
        }
    }

    @Test
    void orderCancelledWhilePickedGoesToTheConflictListUntilASupervisorResolvesIt() throws Exception {
        hq.store().publish("WH-1", "order-cancelled", "order:42", "{\"reason\":\"customer\"}");
        InboundHandler picking = (tx, m) -> InboundOutcome.conflict("ORDER_BEING_PICKED",
                "Order 42 is being picked on wave 3.");
        puller(picking).pullOnce();
        JdbcConflictList list = new JdbcConflictList("WH-1");

        try (Connection c = edge.dataSource().getConnection()) {
            c.setAutoCommit(false);
            Conflict open = list.open(c).get(0);
            assertThat(open.key()).isEqualTo("order:42");
            assertThat(open.incomingPayload()).contains("customer");

            Conflict resolved = list.resolve(c, open.id(), Conflict.Resolution.KEEP_EDGE, "supervisor-anna",
                    "already packed");
            c.commit();

            assertThat(resolved.open()).isFalse();
            assertThat(resolved.resolution()).isEqualTo(Conflict.Resolution.KEEP_EDGE);
            assertThat(list.open(c)).isEmpty();
            assertThatThrownBy(() -> list.resolve(c, open.id(), Conflict.Resolution.APPLY_HQ, "bob", null))
                    .hasMessageContaining("already resolved");
            assertThatThrownBy(() -> list.resolve(c, 999, Conflict.Resolution.APPLY_HQ, "bob", null))
                    .isInstanceOf(SyncException.class)
                    .extracting(e -> ((SyncException) e).code()).isEqualTo(SyncErrorCode.NOT_FOUND);
            c.commit();
        }
    }

    @Test
    void handlerThatCannotReadAMessageParksItAndTheStreamContinues() throws Exception {
        hq.store().publish("WH-1", "order", "order:bad", "{}");
        hq.store().publish("WH-1", "order", "order:good", "{}");
        InboundHandler strict = (tx, m) -> {
            if (m.key().endsWith("bad")) {
                throw new IllegalArgumentException("order has no lines");
            }
            return recordApplied(tx, m);
        };

        puller(strict).pullOnce();

        assertThat(applied()).containsExactly("order order:good");
        try (Connection c = edge.dataSource().getConnection()) {
            assertThat(new JdbcConflictList("WH-1").open(c)).extracting(Conflict::reason)
                    .containsExactly("HANDLER_FAILED");
        }
    }

    @Test
    void aMessageWhoseDataTheEdgeDatabaseCannotStoreIsParkedAndTheNextOneIsApplied() throws Exception {
        try (Connection c = edge.dataSource().getConnection()) {
            c.createStatement().execute("CREATE TABLE short_keys (entity_key VARCHAR(8))");
        }
        InboundHandler narrow = (tx, m) -> {
            try (PreparedStatement ps = tx.prepareStatement("INSERT INTO short_keys VALUES (?)")) {
                ps.setString(1, m.key());
                ps.executeUpdate(); // a key longer than 8 characters: SQLSTATE 22001, on every attempt
            }
            return recordApplied(tx, m);
        };
        hq.store().publish("WH-1", "order", "order:far-too-long", "{}");
        hq.store().publish("WH-1", "order", "order:2", "{}");
        InboundPuller p = puller(narrow);

        p.pullOnce();

        assertThat(applied()).containsExactly("order order:2");
        assertThat(p.status().ackedThrough()).isEqualTo(p.status().appliedThrough());
        try (Connection c = edge.dataSource().getConnection()) {
            assertThat(new JdbcConflictList("WH-1").open(c)).singleElement().satisfies(conflict -> {
                assertThat(conflict.reason()).isEqualTo("HANDLER_DATA_ERROR");
                assertThat(conflict.detail()).contains("22001");
            });
        }
    }
}
