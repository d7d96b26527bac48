package dev.wedge.edge.floor;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the work of several concurrent callers in one Derby transaction (group commit). One writer thread
 * takes what is waiting, runs each caller's work behind its own savepoint and commits once for all of them; a
 * caller's {@link #run} returns only after that commit, so every answer still stands on a durable,
 * log-flushed commit.
 *
 * <p>Why: every confirmed pick appends to the outbox, whose counter row stays locked until its transaction
 * commits (sequences without gaps, in commit order). With one transaction per scan, confirmations queue behind
 * each other's log flush; in a group they share one lock hold and one flush.
 *
 * <p>The writer has two connections: while one group's commit waits for the log flush, the next group already
 * runs on the other connection. Only one group runs at a time and a committing group asks for no more locks,
 * so the two cannot deadlock; a work that needs a row the committing group changed waits for that commit.
 *
 * <p>A work that throws (a refusal, a constraint violation) is rolled back to its savepoint and changes
 * nothing, and the rest of the group carries on. A deadlock or lock timeout rolls the whole group back; the
 * group is then run again from the start, a few times at most. Works run one after the other, so two works
 * touching the same rows see each other's changes as if they had committed in that order.
 *
 * <p>Thread-safe. The work runs on the writer thread: it must use only the connection it is given and must not
 * wait for another caller. The writer ends after a second without work and starts again on the next call, so
 * no lifecycle is needed.
 */
final class GroupCommit {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final int ATTEMPTS = 4;
    private static final long IDLE_MILLIS = 1_000;

    private record Pending<T>(Transactions.Work<T> work, CompletableFuture<T> done) {
    }

    /** What one work did in the current attempt: its result, or what it threw. */
    private record Outcome(Object result, Throwable failure) {
    }

    private final DataSource db;
    private final int maxGroup;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final AtomicLong commits = new AtomicLong();
    private final Object writerLock = new Object();
    private Thread writer;
    private final Connection[] connections = new Connection[2];
    /** The commit under way on each connection; a connection is reused only after its commit is done. */
    private final CompletableFuture<?>[] flushing = {CompletableFuture.completedFuture(null),
            CompletableFuture.completedFuture(null)};
    private ExecutorService flusher;
    private int turn;

    /** @param maxGroup most works committed together */
    GroupCommit(DataSource db, int maxGroup) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("a group holds at least one work, got " + maxGroup);
        }
        this.db = db;
        this.maxGroup = maxGroup;
    }

    /** Runs {@code work} in the next group and returns its result once the group has committed. */
    <T> T run(Transactions.Work<T> work) throws SQLException, FloorException {
        Pending<T> pending = new Pending<>(work, new CompletableFuture<>());
        queue.add(pending);
        startWriter();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return pending.done().get();
                } catch (InterruptedException e) {
                    // The work may already be in a group: wait for its outcome rather than answer "unknown".
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Groups committed so far. */
    long commits() {
        return commits.get();
    }

    /** Works waiting for the writer. */
    int waiting() {
        return queue.size();
    }

    private void startWriter() {
        synchronized (writerLock) {
            if (writer == null) {
                flusher = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "wedge-group-commit-flush");
                    t.setDaemon(true);
                    return t;
                });
                writer = new Thread(this::drain, "wedge-group-commit");
                writer.setDaemon(true);
                writer.start();
            }
        }
    }

    private void drain() {
        List<Pending<?>> group = new ArrayList<>();
        try {
            while (true) {
                Pending<?> first = queue.poll(IDLE_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    awaitFlushes();
                    synchronized (writerLock) {
                        if (queue.isEmpty()) {
                            writer = null;
                            closeConnections();
                            return;
                        }
                    }
                    continue;
                }
                group = new ArrayList<>();
                group.add(first);
                queue.drainTo(group, maxGroup - 1);
                runGroup(group);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.error("group commit writer failed", e);
            group.forEach(p -> p.done().completeExceptionally(e));
            throw e;
        } finally {
            awaitFlushes();
            synchronized (writerLock) {
                if (writer == Thread.currentThread()) {
                    writer = null;
                    closeConnections();
                }
            }
            // Nothing may wait for a writer that is gone: a new call starts the next one.
            if (!queue.isEmpty()) {
                startWriter();
            }
        }
    }

    /** Runs the group on the connection whose turn it is and hands its commit to the flusher. */
    private void runGroup(List<Pending<?>> group) {
        int k = turn;
        turn = 1 - turn;
        flushing[k].join();
        for (int attempt = 1; ; attempt++) {
            try {
                Connection c = connection(k);
                List<Outcome> outcomes = runAll(c, group);
                flushing[k] = CompletableFuture.runAsync(() -> commit(k, group, outcomes), flusher);
                return;
            } catch (SQLException e) {
                rollbackQuietly(k);
                if (attempt < ATTEMPTS && Transactions.isTransient(e)) {
                    continue;
                }
                group.forEach(p -> p.done().completeExceptionally(e));
                return;
            }
        }
    }

    /** Commits connection {@code k}, then answers the group: nobody hears of a work before it is durable. */
    private void commit(int k, List<Pending<?>> group, List<Outcome> outcomes) {
        try {
            connections[k].commit();
            commits.incrementAndGet();
            for (int i = 0; i < group.size(); i++) {
                complete(group.get(i), outcomes.get(i));
            }
        } catch (SQLException | RuntimeException | Error e) {
            // Never let the flush future fail: the writer waits on it before it reuses the connection.
            LOG.error("group commit failed; {} works answered with the failure", group.size(), e);
            rollbackQuietly(k);
            group.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    private void awaitFlushes() {
        for (CompletableFuture<?> f : flushing) {
            f.join();
        }
    }

    private static List<Outcome> runAll(Connection c, List<Pending<?>> group) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>(group.size());
        for (Pending<?> p : group) {
            Savepoint savepoint = c.setSavepoint();
            try {
                Object result = p.work().run(c);
                c.releaseSavepoint(savepoint);
                outcomes.add(new Outcome(result, null));
            } catch (FloorException | RuntimeException e) {
                SQLException hidden = transactionRollbackIn(e);
                if (hidden != null) {
                    // Derby already undid the whole group (and this savepoint): run it again, like a plain deadlock.
                    throw hidden;
                }
                c.rollback(savepoint);
                outcomes.add(new Outcome(null, e));
            } catch (SQLException e) {
                if (rolledBackTheTransaction(e)) {
                    throw e;
                }
                c.rollback(savepoint);
                outcomes.add(new Outcome(null, e));
            }
        }
        return outcomes;
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> p, Outcome o) {
        if (o.failure() != null) {
            p.done().completeExceptionally(o.failure());
        } else {
            p.done().complete((T) o.result());
        }
    }

    /** A class 40 SQLException among the causes of what a work threw, or null. */
    private static SQLException transactionRollbackIn(Throwable thrown) {
        for (Throwable t = thrown.getCause(); t != null && t != thrown; t = t.getCause()) {
            if (t instanceof SQLException e && rolledBackTheTransaction(e)) {
                return e;
            }
        }
        return null;
    }

    /** Derby's class 40 states (deadlock, lock timeout) mean it rolled the whole transaction back. */
    private static boolean rolledBackTheTransaction(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("40");
    }

    private Connection connection(int k) throws SQLException {
        if (connections[k] == null || connections[k].isClosed()) {
            connections[k] = db.getConnection();
            connections[k].setAutoCommit(false);
        }
        return connections[k];
    }

    private void rollbackQuietly(int k) {
        try {
            if (connections[k] != null && !connections[k].isClosed()) {
                connections[k].rollback();
            }
        } catch (SQLException e) {
            // The connection is unusable; the next group on this turn opens a new one.
            LOG.warn("group commit rollback failed: {}", e.getMessage());
            closeConnection(k);
        }
    }

    /** Closes both connections and the flusher; called by the writer when it ends, after every flush. */
    private void closeConnections() {
        closeConnection(0);
        closeConnection(1);
        flusher.shutdown();
    }

    private void closeConnection(int k) {
        if (connections[k] == null) {
            return;
        }
        try {
            connections[k].rollback();
            connections[k].close();
        } catch (SQLException e) {
            LOG.debug("closing a group commit connection: {}", e.getMessage());
        }
        connections[k] = null;
    }

    private static IllegalStateException rethrow(Throwable cause) throws SQLException, FloorException {
        if (cause instanceof SQLException e) {
            throw e;
        }
        if (cause instanceof FloorException e) {
            throw e;
        }
        if (cause instanceof RuntimeException e) {
            throw e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("group commit work failed", cause);
    }
}
