package dev.wedge.sync.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wedge.sync.testing.EdgeDatabase;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The optimizer override the forwarder's reads carry names the {@code (node_id, state, priority, seq)} index that
 * the migrations create, and Derby's plan reads it (an override naming a missing index is an error, so a renamed
 * index fails here). On a small table Derby picks that index by itself too; the plan it chose without the
 * override on a million pending records (the primary key and a sort, every batch) shows only at that size, in
 * the sync benchmark.
 */
class PendingIndexTest {
    private final EdgeDatabase edge = new EdgeDatabase("WH-1");

    private String planOf(String sql, Object... args) throws SQLException {
        try (Connection c = edge.dataSource().getConnection()) {
            try (CallableStatement on = c.prepareCall("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)")) {
                on.execute();
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void theNextBatchIsReadThroughThePendingIndexWithoutASort() throws SQLException {
        edge.commitMovements(50);

        String plan = planOf("SELECT seq, payload FROM sync_outbox" + OutboxTable.PENDING_INDEX
                + "WHERE node_id = ? AND state = 0 AND priority = ? AND seq > ? ORDER BY priority, seq"
                + " FETCH FIRST 10 ROWS ONLY", "WH-1", 5, 20L);

        assertThat(plan).contains("SYNC_OUTBOX_PENDING").doesNotContain("Sort ResultSet");
    }

    @Test
    void theOldestPendingRecordOfAPriorityIsOneProbeOfThePendingIndex() throws SQLException {
        edge.commitMovements(5);

        String plan = planOf("SELECT seq, created_at FROM sync_outbox" + OutboxTable.PENDING_INDEX
                + "WHERE node_id = ? AND state = 0 AND priority = ? ORDER BY seq FETCH FIRST 1 ROWS ONLY", "WH-1", 5);

        assertThat(plan).contains("SYNC_OUTBOX_PENDING");
    }
}
