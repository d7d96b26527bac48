package dev.wedge.edge.conveyor.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wedge.edge.conveyor.Induction;
import dev.wedge.edge.conveyor.LaneRule;
import dev.wedge.edge.conveyor.LineState;
import dev.wedge.edge.conveyor.SortationFixtures;
import dev.wedge.edge.conveyor.sim.ParcelOutcome;
import dev.wedge.edge.conveyor.sim.SorterRig;
import dev.wedge.edge.conveyor.sim.SorterSettings;
import dev.wedge.edge.db.EdgeDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wedge's conveyor routes against the simulated sorter over a secured OPC UA session. */
class ConveyorSortingIT {

    static final String DHL_SSCC = "106141410000000015";
    static final String BOOKED_SSCC = "106141410000000022";

    @TempDir
    Path dir;

    private EdgeDatabase db;
    private SorterRig rig;

    @BeforeEach
    void start() throws Exception {
        db = SortationFixtures.database();
        SortationFixtures.destination(db, DHL_SSCC, "R1", "D1", "DHL", "Hamburg");
        SortationFixtures.destination(db, "SHP-1001", "R7", "D2", "UPS", "Bremen");
        SortationFixtures.destination(db, "SHP-1002", "R9", "D3", "UPS", "Kiel");
        SortationFixtures.bookedSscc(db, BOOKED_SSCC);
        List<LaneRule> rules = List.of(
                new LaneRule(1, Optional.empty(), Optional.empty(), Optional.of("DHL"), Optional.empty()),
                new LaneRule(2, Optional.of("R7"), Optional.empty(), Optional.empty(), Optional.empty()));
        rig = SorterRig.start(dir, db, new SorterRig.Options("sorter-1", new SorterSettings(4, 4, Duration.ofMillis(250)),
                Duration.ofMillis(5), Duration.ofMillis(50), 3, 4, rules, "Basic256Sha256"), Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
        db.close();
    }

    @Test
    void sendsKnownUnknownAndUnreadableParcelsToTheirLanes() throws Exception {
        Map<String, Integer> expected = Map.of("00" + DHL_SSCC, 1, "SHP-1001", 2, "SHP-1002", 3, BOOKED_SSCC, 3,
                "SHP-9999", 4);
        Map<Long, Integer> want = new HashMap<>();
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            want.put(rig.model().induce(e.getKey()).orElseThrow().trackingId(), e.getValue());
        }
        Induction noRead = rig.model().induce(null).orElseThrow();
        want.put(noRead.trackingId(), 4);

        await().atMost(5, TimeUnit.SECONDS).until(() -> rig.model().outcomes().size() == want.size());
        for (ParcelOutcome o : rig.model().outcomes()) {
            assertThat(o.reachedLane()).as("lane of %s", o.barcode()).isEqualTo(want.get(o.trackingId()));
            assertThat(o.divertedAsRequested()).as("%s diverted in time", o.barcode()).isTrue();
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> rows("SELECT COUNT(*) FROM conveyor_decision") == 6);
        assertThat(reasons()).containsEntry("00" + DHL_SSCC, "RULE").containsEntry("SHP-1001", "RULE")
                .containsEntry("SHP-1002", "NO_RULE").containsEntry(BOOKED_SSCC, "NO_DESTINATION")
                .containsEntry("SHP-9999", "UNKNOWN_BARCODE").containsEntry("", "NO_READ");
        assertThat(rows("SELECT COUNT(*) FROM conveyor_decision WHERE outcome = 'SENT' AND write_micros > 0"
                + " AND decide_micros >= 0")).isEqualTo(6);
    }

    @Test
    void resumesSortingWithinFiveSecondsAfterThePlcRestartsAndNeverDivertsATrackingIdTwice() throws Exception {
        AtomicInteger n = new AtomicInteger();
        String[] barcodes = {"00" + DHL_SSCC, "SHP-1001", "SHP-1002"};
        rig.model().startFeed(36_000, () -> barcodes[n.getAndIncrement() % barcodes.length]);
        await().atMost(5, TimeUnit.SECONDS).until(() -> rig.model().outcomes().stream()
                .filter(ParcelOutcome::divertedAsRequested).count() >= 10);

        rig.simulator().stop();
        rig.simulator().start();
        long restarted = System.nanoTime();
        long firstAfter = rig.model().outcomes().size();

        await().atMost(8, TimeUnit.SECONDS).until(() -> rig.model().outcomes().stream().skip(firstAfter)
                .anyMatch(ParcelOutcome::divertedAsRequested));
        ParcelOutcome resumed = rig.model().outcomes().stream().skip(firstAfter)
                .filter(ParcelOutcome::divertedAsRequested).findFirst().orElseThrow();
        long resumedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted)
                - (resumed.reachedMicros() - resumed.requestMicros()) / 1000;
        assertThat(resumedAfterMillis).as("ms from restart to the first parcel diverted again").isLessThan(5_000);

        // Keep sorting a while after the restart, then prove no parcel was asked for twice.
        await().atMost(5, TimeUnit.SECONDS).until(() -> rig.model().outcomes().stream().skip(firstAfter)
                .filter(ParcelOutcome::divertedAsRequested).count() >= 10);
        rig.model().stopFeed();
        await().atMost(5, TimeUnit.SECONDS).until(() -> rig.model().onBelt() == 0);
        assertThat(rig.model().trackingIdsRequestedTwice()).isEmpty();
        assertThat(rig.conveyors().links().get(0).sessions()).isGreaterThanOrEqualTo(1);
        await().atMost(5, TimeUnit.SECONDS).until(() -> rig.conveyors().pendingDecisionRecords() == 0);
        assertThat(rows("SELECT COUNT(*) FROM (SELECT tracking_id FROM conveyor_decision GROUP BY tracking_id"
                + " HAVING COUNT(*) > 1) AS twice")).isZero();
    }

    @Test
    void runsOnCamelsThreadsAndStoresEveryDecisionBeforeCamelStopsThem() throws Exception {
        assertThat(conveyorThreads()).as("conveyor threads").isNotEmpty()
                .allSatisfy(name -> assertThat(name).startsWith("Camel ("))
                .anySatisfy(name -> assertThat(name).endsWith("conveyor-lookup-sorter-1"));
        for (int i = 0; i < 5; i++) {
            rig.model().induce("SHP-1001");
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> rig.model().outcomes().size() == 5);

        rig.camel().stop();

        assertThat(rows("SELECT COUNT(*) FROM conveyor_decision WHERE outcome = 'SENT'")).isEqualTo(5);
        await().atMost(5, TimeUnit.SECONDS).until(() -> conveyorThreads().isEmpty());
    }

    private static List<String> conveyorThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.contains("conveyor-") && !name.startsWith("sorter-")).toList();
    }

    @Test
    void sendsAParcelWhoseLookupMissesTheBudgetToTheDefaultLaneAndRecordsWhy() throws Exception {
        try (Connection lock = db.getConnection()) {
            // Another transaction holds the parcel's destination row, so the lookup cannot finish in time.
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                st.executeUpdate("UPDATE conveyor_sort_destination SET route = 'R1' WHERE barcode = '" + DHL_SSCC + "'");
            }
            Induction parcel = rig.model().induce(DHL_SSCC).orElseThrow();
            await().atMost(5, TimeUnit.SECONDS).until(() -> rig.model().outcome(parcel.trackingId()).isPresent());
            ParcelOutcome o = rig.model().outcome(parcel.trackingId()).orElseThrow();
            assertThat(o.reachedLane()).isEqualTo(3);
            assertThat(o.divertedAsRequested()).isTrue();
            lock.rollback();
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> rows("SELECT COUNT(*) FROM conveyor_decision") == 1);
        assertThat(reasons()).containsEntry(DHL_SSCC, "OVER_BUDGET");
    }

    @Test
    void recordsHeldAndStoppedLinesAsHoldingTheirWavesAndExecuteAsReleasingThem() {
        await().atMost(5, TimeUnit.SECONDS).until(() -> rig.conveyors().lineStates().current("sorter-1")
                .map(s -> s.state() == LineState.EXECUTE).orElse(false));
        assertThat(rig.conveyors().lineStates().holdsWaves("sorter-1")).isFalse();
        rig.model().setLineState(LineState.HELD);
        await().atMost(5, TimeUnit.SECONDS).until(() -> rig.conveyors().lineStates().holdsWaves("sorter-1"));
        assertThat(rig.model().induce("SHP-1001")).as("a held line inducts nothing").isEmpty();
        rig.model().setLineState(LineState.STOPPED);
        await().atMost(5, TimeUnit.SECONDS).until(() -> rig.conveyors().lineStates().current("sorter-1")
                .map(s -> s.state() == LineState.STOPPED && s.holdsWaves()).orElse(false));
        rig.model().setLineState(LineState.EXECUTE);
        await().atMost(5, TimeUnit.SECONDS).until(() -> !rig.conveyors().lineStates().holdsWaves("sorter-1"));
    }

    private long rows(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Map<String, String> reasons() throws Exception {
        Map<String, String> m = new HashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT barcode, reason FROM conveyor_decision"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getString(2));
            }
        }
        return m;
    }
}
