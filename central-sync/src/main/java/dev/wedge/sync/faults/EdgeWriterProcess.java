package dev.wedge.sync.faults;

import dev.wedge.sync.edge.EdgeSyncSchema;
import dev.wedge.sync.edge.ForwarderSettings;
import dev.wedge.sync.edge.JdbcOutbox;
import dev.wedge.sync.edge.OutboxForwarder;
import dev.wedge.sync.edge.OutboxRecord;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * An edge-like process for the fault harness: it writes stock movements, each as one Derby transaction holding
 * a ledger row and its outbox record, while an {@link OutboxForwarder} drains the outbox to HQ. It resumes
 * where the last (possibly killed) run stopped and exits 0 once {@code target} movements are written and
 * acknowledged.
 *
 * <p>Arguments: {@code <derbyDirectory> <nodeId> <hqBaseUri> <targetMovements> <seed>}. Prints
 * {@code WRITTEN n} now and then and {@code DRAINED n} at the end.
 */
public final class EdgeWriterProcess {
    private EdgeWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: EdgeWriterProcess <derbyDirectory> <nodeId> <hqBaseUri> <target> <seed>");
            System.exit(2);
        }
        EmbeddedDataSource db = new EmbeddedDataSource();
        db.setDatabaseName(args[0]);
        String nodeId = args[1];
        long target = Long.parseLong(args[3]);
        Random random = new Random(Long.parseLong(args[4]) ^ ProcessHandle.current().pid());
        EdgeSyncSchema.migrate(db);
        ForwarderSettings settings = new ForwarderSettings(40, Duration.ofMillis(20), Duration.ofMillis(50),
                Duration.ofSeconds(1)).withProbe(Duration.ofMillis(200), Duration.ofSeconds(4));
        OutboxForwarder forwarder = new OutboxForwarder(db, nodeId, URI.create(args[2]), settings);
        forwarder.start();
        JdbcOutbox outbox = new JdbcOutbox(nodeId);
        long written = write(db, outbox, target, random);
        while (forwarder.status().backlog() > 0) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        System.out.println("DRAINED " + written);
        System.out.flush();
        forwarder.stop();
        System.exit(0);
    }

    /**
     * Creates the database with its tables. The harness does this before the first child starts: Derby cannot
     * open a database whose creation was killed half-way, so creation belongs to installation, not to a run.
     */
    static void prepare(String directory) throws SQLException {
        EmbeddedDataSource db = new EmbeddedDataSource();
        db.setDatabaseName(directory);
        db.setCreateDatabase("create");
        EdgeSyncSchema.migrate(db);
        createLedger(db);
    }

    private static void createLedger(EmbeddedDataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE edge_ledger (movement_no BIGINT NOT NULL PRIMARY KEY, outbox_seq BIGINT NOT NULL,"
                    + " product VARCHAR(20) NOT NULL, qty INT NOT NULL)");
        } catch (SQLException e) {
            if (!"X0Y32".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static long write(EmbeddedDataSource db, JdbcOutbox outbox, long target, Random random)
            throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            long done = count(c);
            while (done < target) {
                long n = done + 1;
                String product = "P-" + random.nextInt(50);
                int qty = random.nextInt(21) - 10;
                String payload = "{\"movementNo\":" + n + ",\"product\":\"" + product + "\",\"qty\":" + qty + "}";
                OutboxRecord r = outbox.append(c, "movement", payload);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO edge_ledger VALUES (?, ?, ?, ?)")) {
                    ps.setLong(1, n);
                    ps.setLong(2, r.seq());
                    ps.setString(3, product);
                    ps.setInt(4, qty);
                    ps.executeUpdate();
                }
                c.commit();
                done = n;
                if (done % 50 == 0) {
                    System.out.println("WRITTEN " + done);
                    System.out.flush();
                }
                TimeUnit.MICROSECONDS.sleep(2000 + random.nextInt(4000));
            }
            System.out.println("WRITTEN " + done);
            System.out.flush();
            return done;
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM edge_ledger")) {
            rs.next();
            long n = rs.getLong(1);
            c.commit();
            return n;
        }
    }
}
