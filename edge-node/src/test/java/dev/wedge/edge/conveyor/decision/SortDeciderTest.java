package dev.wedge.edge.conveyor.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wedge.edge.conveyor.Induction;
import dev.wedge.edge.conveyor.LaneRule;
import dev.wedge.edge.conveyor.PlcSettings;
import dev.wedge.edge.conveyor.SortationFixtures;
import dev.wedge.edge.db.EdgeDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SortDeciderTest {

    private final ExecutorService lookups = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService budgetTimer = Executors.newSingleThreadScheduledExecutor();
    private EdgeDatabase db;
    private SortDecider decider;

    @BeforeEach
    void start() throws Exception {
        db = SortationFixtures.database();
        SortationFixtures.destination(db, "SHP-1", "R7", "D2", "DHL", "Kiel");
        SortationFixtures.destination(db, "SHP-2", "R7", "D2", "UPS", "Kiel");
        // Both rules match SHP-1: the first one must win.
        List<LaneRule> rules = List.of(
                new LaneRule(1, Optional.empty(), Optional.empty(), Optional.of("DHL"), Optional.empty()),
                new LaneRule(2, Optional.of("R7"), Optional.empty(), Optional.empty(), Optional.empty()));
        decider = new SortDecider(plc(rules, Duration.ofSeconds(2)), db, lookups, budgetTimer);
    }

    private static PlcSettings plc(List<LaneRule> rules, Duration budget) {
        return new PlcSettings("s", URI.create("opc.tcp://127.0.0.1:4840/"), null, Duration.ZERO,
                Duration.ofMillis(2), budget, new PlcSettings.PlcSecurity("Basic256Sha256", false,
                Path.of("edge.p12"), "", "wedge", "urn:x", Path.of("pki"), Optional.empty(), ""), 5, 4, 5, rules);
    }

    @AfterEach
    void stop() throws Exception {
        decider.close();
        lookups.shutdownNow();
        budgetTimer.shutdownNow();
        db.close();
    }

    @Test
    void theFirstMatchingRuleWinsAndItsNumberIsKept() throws Exception {
        Decision d = decide(parcel(1, "SHP-1"), System.nanoTime());
        assertThat(d.lane()).isEqualTo(1);
        assertThat(d.reason()).isEqualTo(DecisionReason.RULE);
        assertThat(d.ruleNumber()).isEqualTo(1);
        Decision second = decide(parcel(2, "SHP-2"), System.nanoTime());
        assertThat(second.lane()).isEqualTo(2);
        assertThat(second.ruleNumber()).isEqualTo(2);
    }

    @Test
    void noReadsAndUnknownBarcodesGoToTheRejectLaneWithTheirReason() throws Exception {
        Decision noRead = decide(new Induction(3, null, Instant.now(), true), System.nanoTime());
        assertThat(noRead.lane()).isEqualTo(5);
        assertThat(noRead.reason()).isEqualTo(DecisionReason.NO_READ);
        Decision unknown = decide(parcel(4, "SHP-404"), System.nanoTime());
        assertThat(unknown.lane()).isEqualTo(5);
        assertThat(unknown.reason()).isEqualTo(DecisionReason.UNKNOWN_BARCODE);
    }

    @Test
    void aNotificationThatArrivesWithItsBudgetSpentGoesToTheDefaultLane() throws Exception {
        Decision d = decide(parcel(5, "SHP-1"), System.nanoTime() - Duration.ofSeconds(3).toNanos());
        assertThat(d.lane()).isEqualTo(4);
        assertThat(d.reason()).isEqualTo(DecisionReason.OVER_BUDGET);
    }

    @Test
    void aTenKilobyteBarcodeIsUnknownAndGoesToTheRejectLaneWithoutBreakingTheNextLookup() throws Exception {
        Decision garbled = decide(parcel(6, "X".repeat(10_240)), System.nanoTime());
        assertThat(garbled.lane()).isEqualTo(5);
        assertThat(garbled.reason()).isEqualTo(DecisionReason.UNKNOWN_BARCODE);
        Decision next = decide(parcel(7, "SHP-1"), System.nanoTime());
        assertThat(next.reason()).isEqualTo(DecisionReason.RULE);
    }

    @Test
    void aNonAsciiBarcodeIsLookedUpLikeAnyOther() throws Exception {
        SortationFixtures.destination(db, "SHP-Ø→1", "R7", "D2", "DHL", "Kiel");
        Decision d = decide(parcel(8, "SHP-Ø→1"), System.nanoTime());
        assertThat(d.reason()).isEqualTo(DecisionReason.RULE);
        assertThat(d.lane()).isEqualTo(1);
    }

    @Test
    void aTrackingIdSeenAgainWithTheSameScanTimeIsNotNewButAWrappedOneIs() {
        TrackingWindow w = new TrackingWindow(2);
        Instant t = Instant.parse("2026-12-03T10:00:00Z");
        assertThat(w.firstTime(7, t)).isTrue();
        assertThat(w.firstTime(7, t)).isFalse();
        assertThat(w.firstTime(7, t.plusSeconds(3600))).as("the counter wrapped: a new parcel").isTrue();
    }

    @Test
    void aLockedRowSendsItsParcelAndThoseBehindItToTheDefaultLaneInTimeAndLookupsResumeAfterwards()
            throws Exception {
        SortationFixtures.destination(db, "SHP-3", "R7", "D2", "DHL", "Kiel");
        SortDecider quick = new SortDecider(plc(List.of(new LaneRule(1, Optional.empty(), Optional.empty(),
                Optional.of("DHL"), Optional.empty())), Duration.ofMillis(200)), db, lookups, budgetTimer);
        List<CompletableFuture<Decision>> behind = new ArrayList<>();
        try (Connection lock = db.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                st.executeUpdate("UPDATE conveyor_sort_destination SET carrier = 'DHL' WHERE barcode = 'SHP-3'");
            }
            long started = System.nanoTime();
            CompletableFuture<Decision> locked = decideLater(quick, parcel(10, "SHP-3"));
            for (int i = 0; i < 5; i++) {
                behind.add(decideLater(quick, parcel(11 + i, "SHP-1")));
            }
            // Each answer comes when its own 200 ms budget is spent, not when the lock goes away.
            assertThat(locked.get(2, TimeUnit.SECONDS).reason()).isEqualTo(DecisionReason.OVER_BUDGET);
            for (CompletableFuture<Decision> f : behind) {
                Decision d = f.get(2, TimeUnit.SECONDS);
                assertThat(d.reason()).isEqualTo(DecisionReason.OVER_BUDGET);
                assertThat(d.lane()).isEqualTo(4);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            lock.rollback();
        }
        Decision after = decideLater(quick, parcel(20, "SHP-3")).get(2, TimeUnit.SECONDS);
        assertThat(after.reason()).isEqualTo(DecisionReason.RULE);
        assertThat(after.lane()).isEqualTo(1);
        quick.close();
    }

    @Test
    void aDecisionIsHandedOnByTheThreadThatMadeItAndOnlyOnce() throws Exception {
        SortDecider quick = new SortDecider(plc(List.of(), Duration.ofMillis(300)), db, lookups, budgetTimer);
        List<String> threads = new CopyOnWriteArrayList<>();
        CompletableFuture<Decision> done = new CompletableFuture<>();
        quick.decide(parcel(30, "SHP-1"), System.nanoTime(), d -> {
            threads.add(Thread.currentThread().getName());
            done.complete(d);
        });
        assertThat(done.get(5, TimeUnit.SECONDS).reason()).isEqualTo(DecisionReason.NO_RULE);
        String lookupThread = lookups.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
        // Past the 300 ms budget: the timer must not answer a second time.
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> threads.size() == 1);
        assertThat(threads).containsExactly(lookupThread);
        quick.close();
    }

    private Decision decide(Induction parcel, long arrivedNanos) throws Exception {
        CompletableFuture<Decision> f = new CompletableFuture<>();
        decider.decide(parcel, arrivedNanos, f::complete);
        return f.get(5, TimeUnit.SECONDS);
    }

    private static CompletableFuture<Decision> decideLater(SortDecider d, Induction parcel) {
        CompletableFuture<Decision> f = new CompletableFuture<>();
        d.decide(parcel, System.nanoTime(), f::complete);
        return f;
    }

    private static Induction parcel(long id, String barcode) {
        return new Induction(id, barcode, Instant.now(), false);
    }
}
