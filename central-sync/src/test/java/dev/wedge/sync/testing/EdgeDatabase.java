package dev.wedge.sync.testing;

import dev.wedge.sync.edge.EdgeSyncSchema;
import dev.wedge.sync.edge.JdbcOutbox;
import dev.wedge.sync.edge.OutboxRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** An in-memory edge database with the sync tables, plus shortcuts to write business transactions. */
public final class EdgeDatabase {
    private final EmbeddedDataSource dataSource = new EmbeddedDataSource();
    private final JdbcOutbox outbox;

    public EdgeDatabase(String nodeId) {
        dataSource.setDatabaseName("memory:edge-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        EdgeSyncSchema.migrate(dataSource);
        outbox = new JdbcOutbox(nodeId);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcOutbox outbox() {
        return outbox;
    }

    /** Appends {@code n} movement records, each in its own committed transaction. */
    public List<OutboxRecord> commitMovements(int n) throws SQLException {
        List<OutboxRecord> out = new ArrayList<>(n);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                out.add(outbox.append(c, "movement", "{\"sku\":\"SKU-" + i + "\",\"qty\":" + (i % 7 + 1) + "}"));
                c.commit();
            }
        }
        return out;
    }

    public long backlog() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return outbox.backlog(c);
        }
    }

    /** Per record in sequence order: "attempts sentAtSet ackedAtSet lastErrorSet state". */
    public List<String> deliveryColumns() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT attempts, sent_at, acked_at, last_error, state"
                        + " FROM sync_outbox ORDER BY seq");
                ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getInt(1) + " " + (rs.getTimestamp(2) != null) + " " + (rs.getTimestamp(3) != null) + " "
                        + (rs.getString(4) != null) + " " + rs.getInt(5));
            }
            return out;
        }
    }

    /** Rows of sync_outbox in sequence order as "seq key kind payload" lines. */
    public List<String> outboxLines() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT seq, idem_key, kind, payload FROM sync_outbox ORDER BY seq");
                ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
            return out;
        }
    }
}
