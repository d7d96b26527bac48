package dev.wedge.edge.picking;

import static dev.wedge.edge.demo.HandheldSample.*;
import static dev.wedge.edge.floor.FloorTestBed.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.edge.floor.FloorError;
import dev.wedge.edge.floor.FloorException;
import dev.wedge.edge.floor.FloorTestBed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PickingTest {

    private FloorTestBed bed;

    @BeforeEach
    void warehouse() throws Exception {
        bed = new FloorTestBed();
    }

    @AfterEach
    void close() throws Exception {
        bed.close();
    }

    private PickTask onlyTask(String orderId, int yoghurt) throws Exception {
        bed.floor.orders().receive(new Order(orderId, "Shop", "R9", 1, Instant.parse("2026-12-03T15:00:00Z"),
                "DOCK-9", List.of(new Order.Line(YOGHURT, yoghurt))));
        long wave = bed.floor.waves().planWaves().get(0).waveId();
        return bed.floor.picking().nextTask(wave).orElseThrow();
    }

    @Test
    void allocatesTheFirstExpiringLotAndNeverAnExpiredOne() throws Exception {
        PickTask first = onlyTask("SO-F", 35);
        List<PickTask> tasks = bed.floor.picking().waveTasks(first.waveId());

        assertThat(tasks).extracting(PickTask::lot, PickTask::location, PickTask::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LOT_SOON, LOC_YOGHURT, 30),
                        org.assertj.core.groups.Tuple.tuple(LOT_LATER, LOC_YOGHURT_RESERVE, 5));
        assertThat(bed.count("SELECT SUM(reserved) FROM stock_on_hand WHERE sku = ? AND lot_number = ?", YOGHURT,
                LOT_EXPIRED)).isZero();
        assertThat(bed.count("SELECT SUM(reserved) FROM stock_on_hand WHERE sku = ?", YOGHURT)).isEqualTo(35);
    }

    @Test
    void backordersWhatOnlyExpiredStockCouldCover() throws Exception {
        bed.floor.orders().receive(new Order("SO-B", "Shop", "R9", 1, Instant.parse("2026-12-03T15:00:00Z"),
                "DOCK-9", List.of(new Order.Line(YOGHURT, 75))));
        WavePlanner.PlannedWave wave = bed.floor.waves().planWaves().get(0);

        // 30 + 40 good units exist; the 10 expired ones are not offered, so 5 are backordered.
        assertThat(wave.backordered()).isEqualTo(5);
        assertThat(bed.count("SELECT COUNT(*) FROM follow_up WHERE kind = 'BACKORDER' AND quantity = 5")).isEqualTo(1);
    }

    @Test
    void buildsOneWavePerDepartureRouteAndDoorWithOneTotePerOrder() throws Exception {
        seedOrders(bed.floor.orders());
        List<WavePlanner.PlannedWave> waves = bed.floor.waves().planWaves();

        assertThat(waves).hasSize(1);
        assertThat(waves.get(0).orders()).containsExactly("SO-1003", "SO-1002", "SO-1001");
        List<PickTask> tasks = bed.floor.picking().waveTasks(waves.get(0).waveId());
        assertThat(tasks).extracting(PickTask::tote).containsOnly("T1-1", "T1-2", "T1-3");
        assertThat(tasks).extracting(PickTask::location).isSortedAccordingTo((a, b) -> seq(a) - seq(b));
    }

    private static int seq(String location) {
        return List.of(LOC_YOGHURT, LOC_WATER, LOC_YOGHURT_RESERVE, LOC_SOAP, LOC_CHARGER).indexOf(location);
    }

    @Test
    void refusesAWrongLocationSayingWhereToGoAndChangesNothing() throws Exception {
        PickTask t = onlyTask("SO-L", 5);

        assertThatThrownBy(() -> bed.floor.picking().scan(t.taskId(), "p1", scan(LOC_WATER)))
                .isInstanceOfSatisfying(FloorException.class, e -> {
                    assertThat(e.error()).isEqualTo(FloorError.WRONG_LOCATION);
                    assertThat(e.getMessage()).contains("Go to " + LOC_YOGHURT);
                });
        assertThat(bed.floor.picking().task(t.taskId()).step()).isEqualTo("LOCATION");
        assertThat(bed.count("SELECT COUNT(*) FROM scan WHERE outcome = 'REJECTED' AND reason_code = 'WRONG_LOCATION'"))
                .isEqualTo(1);
    }

    @Test
    void refusesAnExpiredLotNamingTheLotToPick() throws Exception {
        PickTask t = onlyTask("SO-E", 5);
        bed.floor.picking().scan(t.taskId(), "p1", scan(LOC_YOGHURT));

        assertThatThrownBy(() -> bed.floor.picking().scan(t.taskId(), "p1",
                scan(itemString(YOGHURT_EACH, LOT_EXPIRED, null))))
                .isInstanceOfSatisfying(FloorException.class, e -> {
                    assertThat(e.error()).isEqualTo(FloorError.EXPIRED_LOT);
                    assertThat(e.getMessage()).contains(LOT_EXPIRED, "pick lot " + LOT_SOON);
                });
        assertThatThrownBy(() -> bed.floor.picking().scan(t.taskId(), "p1",
                scan(itemString(YOGHURT_EACH, LOT_LATER, null))))
                .isInstanceOfSatisfying(FloorException.class, e -> assertThat(e.error()).isEqualTo(FloorError.WRONG_LOT));
        assertThatThrownBy(() -> bed.floor.picking().scan(t.taskId(), "p1", scan(WATER_EACH)))
                .isInstanceOfSatisfying(FloorException.class, e -> {
                    assertThat(e.error()).isEqualTo(FloorError.WRONG_PRODUCT);
                    assertThat(e.getMessage()).contains("Pick " + YOGHURT);
                });
    }

    @Test
    void countsACaseScanAsItsPackQuantityAndRefusesACaseAboveWhatIsLeft() throws Exception {
        PickTask t = onlyTask("SO-C", 18);
        var picking = bed.floor.picking();
        picking.scan(t.taskId(), "p1", scan(LOC_YOGHURT));

        assertThat(picking.scan(t.taskId(), "p1", scan(YOGHURT_CASE)).task().counted()).isEqualTo(12);
        assertThatThrownBy(() -> picking.scan(t.taskId(), "p1", scan(itemString(YOGHURT_CASE, LOT_SOON, null))))
                .isInstanceOfSatisfying(FloorException.class,
                        e -> assertThat(e.error()).isEqualTo(FloorError.QUANTITY_ABOVE_REMAINING));
        assertThat(picking.scan(t.taskId(), "p1", scan(YOGHURT_EACH)).task().counted()).isEqualTo(13);
        assertThatThrownBy(() -> picking.scan(t.taskId(), "p1", scan("19")))
                .isInstanceOfSatisfying(FloorException.class, e -> assertThat(e.getMessage()).contains("Only 18 left"));

        PickService.ScanAccepted done = picking.scan(t.taskId(), "p1", scan("18"));

        assertThat(done.task().status()).isEqualTo("DONE");
        assertThat(bed.onHand(YOGHURT, LOT_SOON, LOC_YOGHURT)).isEqualTo(12);
        assertThat(bed.onHand(YOGHURT, LOT_SOON, "PACKING")).isEqualTo(18);
        assertThat(bed.count("SELECT reserved FROM stock_on_hand WHERE sku = ? AND lot_number = ? AND location = ?",
                YOGHURT, LOT_SOON, LOC_YOGHURT)).isZero();
        assertThat(bed.count("SELECT COUNT(*) FROM sync_outbox WHERE kind = 'pick'")).isEqualTo(1);
        assertThat(bed.count("SELECT COUNT(*) FROM stock_movement WHERE kind = 'PICK' AND quantity = 18")).isEqualTo(1);
    }

    @Test
    void shortPickReleasesTheRestCreatesAFollowUpAndReportsToHq() throws Exception {
        PickTask t = onlyTask("SO-S", 8);
        var picking = bed.floor.picking();
        picking.scan(t.taskId(), "p1", scan(LOC_YOGHURT));
        picking.scan(t.taskId(), "p1", scan(YOGHURT_EACH));
        picking.scan(t.taskId(), "p1", scan("3"));

        PickService.ScanAccepted result = picking.shortPick(t.taskId(), "p1", ShortReason.NOT_FOUND);

        assertThat(result.task().status()).isEqualTo("SHORT");
        assertThat(result.message()).contains("Short pick of 5");
        // Lot Y-B in the reserve location can still cover it, so the follow-up is a replenishment.
        assertThat(bed.count("SELECT COUNT(*) FROM follow_up WHERE kind = 'REPLENISHMENT' AND quantity = 5"
                + " AND reason = 'NOT_FOUND'")).isEqualTo(1);
        assertThat(bed.count("SELECT reserved FROM stock_on_hand WHERE sku = ? AND lot_number = ? AND location = ?",
                YOGHURT, LOT_SOON, LOC_YOGHURT)).isZero();
        assertThat(bed.count("SELECT COUNT(*) FROM sync_outbox WHERE kind = 'short-pick'")).isEqualTo(1);
        assertThat(bed.count("SELECT COUNT(*) FROM customer_order WHERE order_id = 'SO-S' AND status = 'PICKED'"))
                .isEqualTo(1);
        assertThatThrownBy(() -> picking.scan(t.taskId(), "p1", scan(LOC_YOGHURT)))
                .isInstanceOfSatisfying(FloorException.class, e -> assertThat(e.error()).isEqualTo(FloorError.TASK_CLOSED));
    }

    @Test
    void theWaveCountsItsClosedTasksAndIsPickedWhenTheLastOneCloses() throws Exception {
        // 35 yoghurts: 30 from the first-expiring lot and 5 from the reserve location, so two tasks.
        PickTask first = onlyTask("SO-W", 35);
        var picking = bed.floor.picking();
        assertThat(first.waveDone()).isZero();
        assertThat(first.waveTasks()).isEqualTo(2);
        assertThat(waveStatus(first.waveId())).isEqualTo("RELEASED");

        picking.scan(first.taskId(), "p1", scan(LOC_YOGHURT));
        picking.scan(first.taskId(), "p1", scan(YOGHURT_EACH));
        PickService.ScanAccepted part = picking.scan(first.taskId(), "p1", scan("10"));
        // A part of the task picked: the wave is being picked, nothing is closed yet.
        assertThat(part.task().waveDone()).isZero();
        assertThat(waveStatus(first.waveId())).isEqualTo("PICKING");

        picking.scan(first.taskId(), "p1", scan(YOGHURT_EACH));
        PickService.ScanAccepted done = picking.scan(first.taskId(), "p1", scan("20"));
        assertThat(done.task().status()).isEqualTo("DONE");
        assertThat(done.task().waveDone()).isEqualTo(1);
        PickTask second = done.next().orElseThrow();
        assertThat(second.waveDone()).isEqualTo(1);
        assertThat(second.waveTasks()).isEqualTo(2);
        assertThat(waveStatus(first.waveId())).isEqualTo("PICKING");
        assertThat(bed.count("SELECT COUNT(*) FROM customer_order WHERE order_id = 'SO-W' AND status = 'RELEASED'"))
                .isEqualTo(1);

        PickService.ScanAccepted shorted = picking.shortPick(second.taskId(), "p1", ShortReason.DAMAGED);
        assertThat(shorted.task().waveDone()).isEqualTo(2);
        assertThat(shorted.next()).isEmpty();
        assertThat(waveStatus(first.waveId())).isEqualTo("PICKED");
        assertThat(bed.count("SELECT COUNT(*) FROM customer_order WHERE order_id = 'SO-W' AND status = 'PICKED'"))
                .isEqualTo(1);
        // The kept counts agree with the tasks themselves.
        assertThat(bed.count("SELECT closed_count FROM wave WHERE wave_id = ?", first.waveId())).isEqualTo(
                bed.count("SELECT COUNT(*) FROM pick_task WHERE wave_id = ? AND status <> 'OPEN'", first.waveId()));
    }

    private String waveStatus(long waveId) throws Exception {
        return bed.floor.tx().read(c -> dev.wedge.edge.floor.Jdbc.one(c, "SELECT status FROM wave WHERE wave_id = ?",
                rs -> rs.getString(1), waveId)).orElseThrow();
    }

    @Test
    void twoPickersConfirmingTheLastUnitAtOnceGetExactlyOneSuccess() throws Exception {
        PickTask t = onlyTask("SO-X", 1);
        var picking = bed.floor.picking();
        picking.scan(t.taskId(), "p1", scan(LOC_YOGHURT));
        picking.scan(t.taskId(), "p1", scan(YOGHURT_EACH));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (String picker : List.of("p1", "p2")) {
            Callable<String> confirm = () -> {
                go.await();
                try {
                    picking.scan(t.taskId(), picker, scan("1"));
                    return "ok";
                } catch (FloorException e) {
                    return e.error().code();
                }
            };
            results.add(pool.submit(confirm));
        }
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(outcomes).containsOnlyOnce("ok").hasSize(2);
        assertThat(bed.onHand(YOGHURT, LOT_SOON, "PACKING")).isEqualTo(1);
        assertThat(bed.count("SELECT COUNT(*) FROM sync_outbox WHERE kind = 'pick'")).isEqualTo(1);
    }

    @Test
    void twoTasksOnOneLastUnitCannotBothTakeIt() throws Exception {
        // A count found fewer than allocated: two tasks now compete for one unit on the shelf.
        PickTask a = onlyTask("SO-Y", 1);
        bed.floor.orders().receive(new Order("SO-Z", "Shop", "R8", 1, Instant.parse("2026-12-03T16:00:00Z"),
                "DOCK-8", List.of(new Order.Line(YOGHURT, 1))));
        PickTask b = bed.floor.picking().nextTask(bed.floor.waves().planWaves().get(0).waveId()).orElseThrow();
        try (var c = bed.db.getConnection()) {
            dev.wedge.edge.floor.Jdbc.update(c, "UPDATE stock_on_hand SET quantity = 1 WHERE sku = ? AND lot_number = ?"
                    + " AND location = ?", YOGHURT, LOT_SOON, LOC_YOGHURT);
        }
        var picking = bed.floor.picking();
        for (PickTask t : List.of(a, b)) {
            picking.scan(t.taskId(), "p", scan(LOC_YOGHURT));
            picking.scan(t.taskId(), "p", scan(YOGHURT_EACH));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (PickTask t : List.of(a, b)) {
            results.add(pool.submit(() -> {
                go.await();
                try {
                    picking.scan(t.taskId(), "p-" + t.taskId(), scan("1"));
                    return true;
                } catch (FloorException e) {
                    return false;
                }
            }));
        }
        go.countDown();
        int successes = 0;
        for (Future<Boolean> f : results) {
            successes += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();

        assertThat(successes).isEqualTo(1);
        assertThat(bed.onHand(YOGHURT, LOT_SOON, LOC_YOGHURT)).isZero();
    }

    @Test
    void aSerialisedProductNeedsItsSerialAndEachSerialCountsOnce() throws Exception {
        bed.floor.orders().receive(new Order("SO-N", "Shop", "R7", 1, Instant.parse("2026-12-03T15:00:00Z"),
                "DOCK-7", List.of(new Order.Line(CHARGER, 2))));
        PickTask t = bed.floor.picking().nextTask(bed.floor.waves().planWaves().get(0).waveId()).orElseThrow();
        var picking = bed.floor.picking();
        picking.scan(t.taskId(), "p1", scan(LOC_CHARGER));

        assertThatThrownBy(() -> picking.scan(t.taskId(), "p1", scan(CHARGER_EACH)))
                .isInstanceOfSatisfying(FloorException.class, e -> assertThat(e.error()).isEqualTo(FloorError.SERIAL_REQUIRED));
        String serialOne = "]C101" + CHARGER_EACH + "10C-1\u001d21SN1001";
        assertThat(picking.scan(t.taskId(), "p1", scan(serialOne)).task().counted()).isEqualTo(1);
        assertThatThrownBy(() -> picking.scan(t.taskId(), "p1", scan(serialOne)))
                .isInstanceOfSatisfying(FloorException.class, e -> assertThat(e.error()).isEqualTo(FloorError.SERIAL_NOT_AVAILABLE));
        picking.scan(t.taskId(), "p1", scan("]C101" + CHARGER_EACH + "10C-1\u001d21SN1002"));
        picking.scan(t.taskId(), "p1", scan("2"));

        assertThat(bed.count("SELECT COUNT(*) FROM serial_number WHERE status = 'PICKED'")).isEqualTo(2);
    }
}
