package dev.wedge.edge.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.edge.db.EdgeDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionsTest {

    private EdgeDatabase db;
    private Transactions tx;

    @BeforeEach
    void database() throws Exception {
        db = new EdgeDatabase("jdbc:derby:memory:tx-" + UUID.randomUUID() + ";create=true");
        try (Connection c = db.getConnection()) {
            Jdbc.update(c, "CREATE TABLE note (id INTEGER NOT NULL PRIMARY KEY)");
        }
        tx = new Transactions(db);
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void reusesAReadConnectionAndGivesItBackReadCommittedAfterAReadWithoutLocks() throws Exception {
        Connection first = tx.readWithoutLocks(c -> {
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_UNCOMMITTED);
            return c;
        });
        Connection second = tx.read(c -> c);

        int isolation = tx.read(Connection::getTransactionIsolation);
        boolean autoCommit = tx.read(Connection::getAutoCommit);

        assertThat(second).isSameAs(first);
        assertThat(isolation).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        assertThat(autoCommit).isTrue();
    }

    @Test
    void closesAReadConnectionWhoseWorkFailedInsteadOfLendingItAgain() throws Exception {
        AtomicReference<Connection> lent = new AtomicReference<>();
        assertThatThrownBy(() -> tx.read(c -> {
            lent.set(c);
            throw FloorException.notFound("note 7");
        })).isInstanceOf(FloorException.class);

        assertThat(lent.get().isClosed()).isTrue();
        Connection next = tx.read(c -> c);
        assertThat(next).isNotSameAs(lent.get());
    }

    @Test
    void countsEveryCommitSoAViewCanTellThatSomethingChanged() throws Exception {
        long before = tx.commitCount();
        tx.inTransaction(c -> Jdbc.update(c, "INSERT INTO note VALUES (1)"));
        tx.inGroupCommit(c -> Jdbc.update(c, "INSERT INTO note VALUES (2)"));
        long rows = tx.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM note"));

        assertThat(rows).isEqualTo(2);
        assertThat(tx.commitCount()).isEqualTo(before + 2);
    }
}
