package dev.wedge.sync.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultInjectionIT {
    @Test
    void hqLedgerEqualsEdgeLedgerAfterKillsRestartsAndNetworkFaults(@TempDir Path dir) {
        long seed = System.nanoTime();
        FaultPlan plan = new FaultPlan(2500, 60, seed, dir, Duration.ofSeconds(200));

        FaultRunResult result = FaultHarness.run(plan);

        // The seed is printed so a failing run can be repeated.
        System.out.println("Fault run seed " + seed + ": " + result);
        assertThat(result.completed()).isTrue();
        assertThat(result.faults()).isGreaterThanOrEqualTo(50);
        assertThat(result.faultsByType()).containsKeys("KILL_EDGE", "KILL_EDGE_AFTER_SEND", "RESTART_HQ");
        assertThat(result.faultsByType().entrySet()).filteredOn(e -> !e.getKey().contains("_") && e.getValue() > 0)
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(result.records()).isEqualTo(2500);
        assertThat(result.gapFree()).isTrue();
        assertThat(result.ledgerMatchesOutbox()).isTrue();
        assertThat(result.lost()).isZero();
        assertThat(result.duplicated()).isZero();
        assertThat(result.hqRecords()).isEqualTo(result.records());
        assertThat(result.hqChecksum()).isEqualTo(result.edgeChecksum());
        assertThat(result.converged()).isTrue();
    }
}
