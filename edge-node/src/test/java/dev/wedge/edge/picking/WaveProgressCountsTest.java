package dev.wedge.edge.picking;

import static dev.wedge.edge.demo.HandheldSample.*;
import static dev.wedge.edge.floor.FloorTestBed.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.edge.floor.FloorException;
import dev.wedge.edge.floor.FloorTestBed;
import dev.wedge.edge.floor.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wave's kept task and closed counts never drift from its tasks, whatever the pickers do at once. */
class WaveProgressCountsTest {

    private static final Instant DEPARTS = Instant.parse("2026-12-03T15:00:00Z");

    private FloorTestBed bed;

    @BeforeEach
    void warehouse() throws Exception {
        bed = new FloorTestBed();
    }

    @AfterEach
    void close() throws Exception {
        bed.close();
    }

    /** One wave of {@code orders} orders of one soap each: one task per order. */
    private List<PickTask> waveOfSoaps(int orders) throws Exception {
        for (int i = 1; i <= orders; i++) {
            bed.floor.orders().receive(new Order("SO-" + i, "Shop " + i, "R5", i, DEPARTS, "DOCK-5",
                    List.of(new Order.Line(SOAP, 1))));
        }
        long wave = bed.floor.waves().planWaves().get(0).waveId();
        return bed.floor.picking().waveTasks(wave);
    }

    /** Confirms location and item of every task, so only the quantity is left to scan. */
    private void atQuantityStep(List<PickTask> tasks) throws Exception {
        for (PickTask t : tasks) {
            bed.floor.picking().scan(t.taskId(), "p1", scan(LOC_SOAP));
            bed.floor.picking().scan(t.taskId(), "p1", scan(SOAP_EACH));
        }
    }

    @Test
    void aConfirmationRefusedAfterItClosedTheTaskLeavesTheWaveCountAsItWas() throws Exception {
        List<PickTask> tasks = waveOfSoaps(2);
        var picking = bed.floor.picking();
        atQuantityStep(tasks);
        // A count found only one soap: the second confirmation closes its task, then finds no stock to move.
        try (Connection c = bed.db.getConnection()) {
            Jdbc.update(c, "UPDATE stock_on_hand SET quantity = 1 WHERE sku = ? AND location = ?", SOAP, LOC_SOAP);
        }
        picking.scan(tasks.get(0).taskId(), "p1", scan("1"));

        assertThatThrownBy(() -> picking.scan(tasks.get(1).taskId(), "p1", scan("1")))
                .isInstanceOfSatisfying(FloorException.class, e -> assertThat(e.getMessage()).contains("only 0"));

        long wave = tasks.get(0).waveId();
        assertThat(picking.task(tasks.get(1).taskId()).status()).isEqualTo("OPEN");
        assertThat(bed.count("SELECT closed_count FROM wave WHERE wave_id = ?", wave)).isEqualTo(1);
        assertThat(bed.count("SELECT COUNT(*) FROM wave WHERE wave_id = ? AND status = 'PICKING'", wave))
                .isEqualTo(1);
        assertCountsMatchTasks(wave);
    }

    @Test
    void concurrentPickersAndShortPicksRacingConfirmationsCountEveryTaskOnce() throws Exception {
        List<PickTask> tasks = waveOfSoaps(12);
        var picking = bed.floor.picking();
        atQuantityStep(tasks);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            long taskId = tasks.get(i).taskId();
            outcomes.add(pool.submit(attempt(go, () -> picking.scan(taskId, "confirmer", scan("1")))));
            if (i % 3 == 0) {
                // Every third task is also closed short by another picker at the same moment.
                outcomes.add(pool.submit(attempt(go, () -> picking.shortPick(taskId, "shorter",
                        ShortReason.DAMAGED))));
            }
        }
        go.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        // Each raced task was closed by exactly one of the two; the other was told it is closed.
        assertThat(results).filteredOn("ok"::equals).hasSize(tasks.size());
        assertThat(results).filteredOn(r -> !"ok".equals(r)).containsOnly("task-closed");
        long wave = tasks.get(0).waveId();
        assertCountsMatchTasks(wave);
        assertThat(bed.count("SELECT COUNT(*) FROM wave WHERE wave_id = ? AND status = 'PICKED'", wave))
                .isEqualTo(1);
        assertThat(picking.task(tasks.get(0).taskId()).waveDone()).isEqualTo(tasks.size());
    }

    @Test
    void aGroupRolledBackByADeadlockAndRunAgainCountsItsClosedTaskOnce() throws Exception {
        List<PickTask> tasks = waveOfSoaps(2);
        atQuantityStep(tasks);
        long wave = tasks.get(0).waveId();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<PickService.ScanAccepted> confirm;
        boolean groupRolledBack;
        try (Connection other = bed.db.getConnection()) {
            Jdbc.update(other, "CREATE TABLE deadlock_ballast (n INTEGER)");
            other.setAutoCommit(false);
            // Derby rolls back the side of a deadlock that holds fewer locks: give the other side many.
            for (int i = 0; i < 200; i++) {
                Jdbc.update(other, "INSERT INTO deadlock_ballast (n) VALUES (?)", i);
            }
            // Another transaction holds the soap's stock row: the confirmation closes its task (the wave row is
            // now the group's), then waits for that row; the other transaction then asks for the wave row.
            Jdbc.update(other, "UPDATE stock_on_hand SET quantity = quantity WHERE sku = ? AND location = ?", SOAP,
                    LOC_SOAP);
            confirm = pool.submit(() -> bed.floor.picking().scan(tasks.get(0).taskId(), "p1", scan("1")));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    bed.count("SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE WHERE state = 'WAIT'") > 0);
            try {
                Jdbc.update(other, "UPDATE wave SET status = status WHERE wave_id = ?", wave);
                // The wave row was the group's: getting it means Derby rolled the group back.
                other.commit();
                groupRolledBack = true;
            } catch (SQLException e) {
                assertThat(e.getSQLState()).startsWith("40");
                other.rollback();
                groupRolledBack = false;
            }
        }
        PickService.ScanAccepted done = confirm.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(groupRolledBack).as("Derby rolled the group back, so it ran again").isTrue();
        assertThat(done.task().status()).isEqualTo("DONE");
        assertThat(done.task().waveDone()).isEqualTo(1);
        assertCountsMatchTasks(wave);
        assertThat(bed.count("SELECT COUNT(*) FROM wave WHERE wave_id = ? AND status = 'PICKING'", wave))
                .isEqualTo(1);
    }

    private static Callable<String> attempt(CountDownLatch go, Callable<PickService.ScanAccepted> call) {
        return () -> {
            go.await();
            try {
                call.call();
                return "ok";
            } catch (FloorException e) {
                return e.error().code();
            }
        };
    }

    private void assertCountsMatchTasks(long wave) throws Exception {
        assertThat(bed.count("SELECT task_count FROM wave WHERE wave_id = ?", wave))
                .isEqualTo(bed.count("SELECT COUNT(*) FROM pick_task WHERE wave_id = ?", wave));
        assertThat(bed.count("SELECT closed_count FROM wave WHERE wave_id = ?", wave))
                .isEqualTo(bed.count("SELECT COUNT(*) FROM pick_task WHERE wave_id = ? AND status <> 'OPEN'", wave));
    }
}
