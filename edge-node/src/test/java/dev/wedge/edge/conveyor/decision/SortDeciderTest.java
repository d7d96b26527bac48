package dev.wedge.edge.conveyor.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wedge.edge.conveyor.Induction;
import dev.wedge.edge.conveyor.LaneRule;
import dev.wedge.edge.conveyor.PlcSettings;
import dev.wedge.edge.conveyor.SortationFixtures;
import dev.wedge.edge.db.EdgeDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SortDeciderTest {

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
        PlcSettings plc = new PlcSettings("s", URI.create("opc.tcp://127.0.0.1:4840/"), null, Duration.ZERO,
                Duration.ofMillis(5), Duration.ofSeconds(2), new PlcSettings.PlcSecurity("Basic256Sha256", false,
                Path.of("edge.p12"), "", "wedge", "urn:x", Path.of("pki"), Optional.empty(), ""), 5, 4, 5, rules);
        decider = new SortDecider(plc, db);
    }

    @AfterEach
    void stop() throws Exception {
        decider.close();
        db.close();
    }

    @Test
    void theFirstMatchingRuleWinsAndItsNumberIsKept() {
        Decision d = decider.decide(parcel(1, "SHP-1"), System.nanoTime());
        assertThat(d.lane()).isEqualTo(1);
        assertThat(d.reason()).isEqualTo(DecisionReason.RULE);
        assertThat(d.ruleNumber()).isEqualTo(1);
        Decision second = decider.decide(parcel(2, "SHP-2"), System.nanoTime());
        assertThat(second.lane()).isEqualTo(2);
        assertThat(second.ruleNumber()).isEqualTo(2);
    }

    @Test
    void noReadsAndUnknownBarcodesGoToTheRejectLaneWithTheirReason() {
        Decision noRead = decider.decide(new Induction(3, null, Instant.now(), true), System.nanoTime());
        assertThat(noRead.lane()).isEqualTo(5);
        assertThat(noRead.reason()).isEqualTo(DecisionReason.NO_READ);
        Decision unknown = decider.decide(parcel(4, "SHP-404"), System.nanoTime());
        assertThat(unknown.lane()).isEqualTo(5);
        assertThat(unknown.reason()).isEqualTo(DecisionReason.UNKNOWN_BARCODE);
    }

    @Test
    void aNotificationThatArrivesWithItsBudgetSpentGoesToTheDefaultLane() {
        Decision d = decider.decide(parcel(5, "SHP-1"), System.nanoTime() - Duration.ofSeconds(3).toNanos());
        assertThat(d.lane()).isEqualTo(4);
        assertThat(d.reason()).isEqualTo(DecisionReason.OVER_BUDGET);
    }

    @Test
    void aTenKilobyteBarcodeIsUnknownAndGoesToTheRejectLaneWithoutBreakingTheNextLookup() {
        Decision garbled = decider.decide(parcel(6, "X".repeat(10_240)), System.nanoTime());
        assertThat(garbled.lane()).isEqualTo(5);
        assertThat(garbled.reason()).isEqualTo(DecisionReason.UNKNOWN_BARCODE);
        Decision next = decider.decide(parcel(7, "SHP-1"), System.nanoTime());
        assertThat(next.reason()).isEqualTo(DecisionReason.RULE);
    }

    @Test
    void aNonAsciiBarcodeIsLookedUpLikeAnyOther() throws Exception {
        SortationFixtures.destination(db, "SHP-Ø→1", "R7", "D2", "DHL", "Kiel");
        Decision d = decider.decide(parcel(8, "SHP-Ø→1"), System.nanoTime());
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

    private static Induction parcel(long id, String barcode) {
        return new Induction(id, barcode, Instant.now(), false);
    }
}
