package dev.wedge.edge.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.wedge.edge.db.EdgeDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private EdgeDatabase db;
    private String memoryName;
    private GroupCommit group;
    private ExecutorService callers;

    @BeforeEach
    void database() throws Exception {
        memoryName = "memory:group-" + UUID.randomUUID();
        db = new EdgeDatabase("jdbc:derby:" + memoryName + ";create=true");
        try (Connection c = db.getConnection()) {
            Jdbc.update(c, "CREATE TABLE note (id INTEGER NOT NULL PRIMARY KEY, text VARCHAR(20) NOT NULL)");
        }
        group = new GroupCommit(db, 64);
        callers = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void close() throws SQLException {
        callers.shutdownNow();
        db.close();
    }

    @Test
    void commitsWorksThatArriveTogetherInOneTransactionAndAnswersEachAfterTheCommit() throws Exception {
        CountDownLatch holdFirst = new CountDownLatch(1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        Future<Integer> first = callers.submit(() -> group.run(c -> {
            firstRunning.countDown();
            hold(holdFirst);
            return Jdbc.update(c, "INSERT INTO note VALUES (0, 'first')");
        }));
        assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
        List<Future<Integer>> others = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            int id = i;
            others.add(callers.submit(() -> group.run(c -> Jdbc.update(c, "INSERT INTO note VALUES (?, 'other')", id))));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> group.waiting() == 7);
        holdFirst.countDown();
        for (Future<Integer> f : others) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        // Answered means committed: another connection sees every row, and the seven waiting works took one commit.
        assertThat(count("SELECT COUNT(*) FROM note")).isEqualTo(8);
        assertThat(group.commits()).isEqualTo(2);
    }

    @Test
    void aWorkThatIsRefusedChangesNothingWhileTheRestOfItsGroupCommits() throws Exception {
        CountDownLatch holdFirst = new CountDownLatch(1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        Future<Integer> first = callers.submit(() -> group.run(c -> {
            firstRunning.countDown();
            hold(holdFirst);
            return Jdbc.update(c, "INSERT INTO note VALUES (1, 'kept')");
        }));
        assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
        Future<Integer> refused = callers.submit(() -> group.run(c -> {
            Jdbc.update(c, "INSERT INTO note VALUES (2, 'undone')");
            throw new FloorException(FloorError.WRONG_LOCATION, "refused after writing");
        }));
        Future<Integer> duplicate = callers.submit(() -> group.run(c -> Jdbc.update(c,
                "INSERT INTO note VALUES (1, 'duplicate')")));
        Future<Integer> after = callers.submit(() -> group.run(c -> Jdbc.update(c, "INSERT INTO note VALUES (3, 'kept')")));
        await().atMost(Duration.ofSeconds(5)).until(() -> group.waiting() == 3);
        holdFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(FloorException.class);
        assertThatThrownBy(() -> duplicate.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SQLException.class);
        assertThat(count("SELECT COUNT(*) FROM note WHERE text = 'kept'")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM note")).isEqualTo(2);
    }

    @Test
    void aWorkThatFailsGivesItsCallerTheSameExceptionType() throws Exception {
        assertThatThrownBy(() -> group.run(c -> {
            throw new FloorException(FloorError.TASK_CLOSED, "already done");
        })).isInstanceOfSatisfying(FloorException.class, e -> assertThat(e.error()).isEqualTo(FloorError.TASK_CLOSED));
        assertThatThrownBy(() -> group.run(c -> Jdbc.update(c, "INSERT INTO missing_table VALUES (1)")))
                .isInstanceOf(SQLException.class);
        int inserted = group.run(c -> Jdbc.update(c, "INSERT INTO note VALUES (9, 'after')"));
        assertThat(inserted).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM note")).isEqualTo(1);
    }

    @Test
    void aLockTimeoutHiddenInsideAnotherExceptionRunsTheGroupAgainInsteadOfFailingItsNeighbours() throws Exception {
        try (Connection c = db.getConnection()) {
            Jdbc.update(c, "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '1')");
            Jdbc.update(c, "INSERT INTO note VALUES (100, 'locked')");
        }
        CountDownLatch holdFirst = new CountDownLatch(1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch timedOut = new CountDownLatch(1);
        Future<Integer> first = callers.submit(() -> group.run(c -> {
            firstRunning.countDown();
            hold(holdFirst);
            return 0;
        }));
        assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
        Future<Integer> neighbour = callers.submit(() -> group.run(c -> Jdbc.update(c,
                "INSERT INTO note VALUES (1, 'kept')")));
        // Derby rolls the whole transaction back on a lock timeout; this work reports it as another exception,
        // the way a lookup inside an Optional chain does.
        Future<Integer> hiding = callers.submit(() -> group.run(c -> {
            try {
                return Jdbc.update(c, "UPDATE note SET text = 'mine' WHERE id = 100");
            } catch (SQLException e) {
                timedOut.countDown();
                throw new IllegalStateException("lookup failed", e);
            }
        }));
        await().atMost(Duration.ofSeconds(5)).until(() -> group.waiting() == 2);
        try (Connection other = db.getConnection()) {
            other.setAutoCommit(false);
            Jdbc.update(other, "UPDATE note SET text = 'other' WHERE id = 100");
            holdFirst.countDown();
            assertThat(timedOut.await(10, TimeUnit.SECONDS)).isTrue();
            other.rollback();
        }

        assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(neighbour.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(hiding.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM note WHERE id = 1")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM note WHERE text = 'mine'")).isEqualTo(1);
    }

    @Test
    void worksWaitingWhenTheDatabaseShutsDownAreAnsweredWithAFailureAndNoneHearsOk() throws Exception {
        CountDownLatch holdFirst = new CountDownLatch(1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        Future<Integer> first = callers.submit(() -> group.run(c -> {
            firstRunning.countDown();
            hold(holdFirst);
            return Jdbc.update(c, "INSERT INTO note VALUES (1, 'lost')");
        }));
        assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
        Future<Integer> waiting = callers.submit(() -> group.run(c -> Jdbc.update(c,
                "INSERT INTO note VALUES (2, 'lost')")));
        await().atMost(Duration.ofSeconds(5)).until(() -> group.waiting() == 1);
        String base = "jdbc:derby:" + memoryName;
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection(base + ";shutdown=true"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08006"));
        holdFirst.countDown();

        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SQLException.class);
        String answer;
        try {
            answer = "ok " + waiting.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            answer = "failed";
        }
        // The in-memory database boots again on the next connection; an OK must then stand on a stored row.
        long rows = count("SELECT COUNT(*) FROM note WHERE id = 2");
        assertThat(answer).isIn("failed", "ok 1");
        assertThat(answer.equals("ok 1")).isEqualTo(rows == 1);
        assertThat(count("SELECT COUNT(*) FROM note WHERE id = 1")).isZero();
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while held", e);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection()) {
            return Jdbc.count(c, sql);
        }
    }
}
