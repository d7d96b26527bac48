package dev.wedge.sync.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import dev.wedge.sync.testing.EdgeDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class JdbcOutboxTest {
    private final EdgeDatabase edge = new EdgeDatabase("WH-1");

    @Test
    void appendInsideRolledBackTransactionLeavesNothing() throws SQLException {
        try (Connection c = edge.dataSource().getConnection()) {
            c.setAutoCommit(false);
            edge.outbox().append(c, "movement", "{\"sku\":\"A\"}");
            edge.outbox().append(c, "movement", "{\"sku\":\"B\"}");
            c.rollback();
        }

        assertThat(edge.outboxLines()).isEmpty();
        assertThat(edge.backlog()).isZero();
        // The rolled-back transaction did not use up a sequence either.
        assertThat(edge.commitMovements(1).get(0).seq()).isEqualTo(1);
    }

    @Test
    void recordCommitsTogetherWithTheBusinessChange() throws SQLException {
        try (Connection c = edge.dataSource().getConnection()) {
            c.createStatement().execute("CREATE TABLE stock (sku VARCHAR(20), qty INT)");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO stock VALUES ('A', 3)")) {
                ps.executeUpdate();
            }
            OutboxRecord r = edge.outbox().append(c, "movement", "{\"sku\":\"A\",\"qty\":3}");
            c.commit();

            assertThat(r.seq()).isEqualTo(1);
            assertThat(r.key()).isEqualTo("WH-1:1");
        }
        assertThat(edge.outboxLines()).containsExactly("1 WH-1:1 movement {\"sku\":\"A\",\"qty\":3}");
        assertThat(edge.backlog()).isEqualTo(1);
    }

    @Test
    void concurrentWritersGetGapFreeSequencesInCommitOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                futures.add(pool.submit(writer(25)));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    private Callable<List<Long>> writer(int n) {
        return () -> {
            List<Long> seqs = new ArrayList<>();
            try (Connection c = edge.dataSource().getConnection()) {
                c.setAutoCommit(false);
                for (int i = 0; i < n; i++) {
                    seqs.add(edge.outbox().append(c, "scan", "{\"i\":" + i + "}").seq());
                    if (i % 3 == 0) {
                        // Every third transaction is abandoned: its sequence must be reused, not skipped.
                        edge.outbox().append(c, "scan", "{\"abandoned\":true}");
                        c.rollback();
                        seqs.remove(seqs.size() - 1);
                        seqs.add(edge.outbox().append(c, "scan", "{\"i\":" + i + "}").seq());
                    }
                    c.commit();
                }
            }
            return seqs;
        };
    }

    @Test
    void invalidPayloadIsRefusedAndWritesNothing() throws SQLException {
        try (Connection c = edge.dataSource().getConnection()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> edge.outbox().append(c, "movement", "{\"sku\": "))
                    .isInstanceOf(SyncException.class)
                    .hasMessageContaining("not valid JSON")
                    .extracting(e -> ((SyncException) e).code()).isEqualTo(SyncErrorCode.INVALID_INPUT);
            assertThatThrownBy(() -> edge.outbox().append(c, "Movement!", "{}"))
                    .hasMessageContaining("Movement!");
            c.commit();
        }
        assertThat(edge.outboxLines()).isEmpty();
    }

    @Test
    void autoCommitConnectionIsRefused() throws SQLException {
        try (Connection c = edge.dataSource().getConnection()) {
            assertThatThrownBy(() -> edge.outbox().append(c, "movement", "{}"))
                    .isInstanceOf(SyncException.class)
                    .extracting(e -> ((SyncException) e).code()).isEqualTo(SyncErrorCode.NOT_IN_TRANSACTION);
        }
        assertThat(edge.outboxLines()).isEmpty();
    }

    @Test
    void migrationRunsBesideTheApplicationsOwnTables() throws SQLException {
        org.apache.derby.jdbc.EmbeddedDataSource db = new org.apache.derby.jdbc.EmbeddedDataSource();
        db.setDatabaseName("memory:edge-app-" + System.nanoTime());
        db.setCreateDatabase("create");
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("CREATE TABLE app_table (id INT)");
        }
        EdgeSyncSchema.migrate(db);
        EdgeSyncSchema.migrate(db);

        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            assertThat(new JdbcOutbox("WH-9").append(c, "pick", "{}").key()).isEqualTo("WH-9:1");
            c.commit();
            assertThat(new JdbcOutbox("WH-9").backlog(c)).isEqualTo(1);
            c.commit();
        }
    }
}
