package dev.wedge.edge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The scan benchmark's plumbing on a short run (its figures are only meaningful on a quiet machine and are not
 * checked here): the warm-up is reported apart from the measured part, every scan answered as accepted is in
 * the node's database, and the handhelds in their own JVM scan every task of their waves.
 */
class ScanBenchmarkIT {

    @Test
    void reportsTheWarmUpApartAndFindsEveryAcceptedScanStored() throws Exception {
        JsonNode out = ScanBenchmark.run(new ScanBenchmark.Settings(2, 30, 2, 1));

        JsonNode warm = out.path("warmUp");
        assertThat(out.path("refused").asLong()).isZero();
        assertThat(warm.path("refused").asLong()).isZero();
        assertThat(warm.path("scans").asLong()).isPositive();
        assertThat(out.path("scans").asLong()).isPositive();
        // Tasks for 3 s at 30 scans/s over 2 handhelds: 15 tasks each, three scans per task, all of them sent.
        assertThat(out.path("scans").asLong() + warm.path("scans").asLong()).isEqualTo(2 * 15 * 3);
        // No scan is sent before its time, so the 1 s warm-up holds at most 30 scans (+1 per handheld for its
        // start point); the measured part runs from the warm-up's end to the last of the 45 paced scans, at
        // least 44 intervals of 1/15 s after the barrier, whatever a handheld's start point.
        assertThat(warm.path("scans").asLong()).isLessThanOrEqualTo(30 + 2);
        assertThat(out.path("seconds").asDouble()).isGreaterThanOrEqualTo(1.9);
        assertThat(out.path("scansPerSecond").asDouble()).isCloseTo(
                out.path("scans").asDouble() / out.path("seconds").asDouble(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(out.path("acceptedScansStored").asLong()).isEqualTo(out.path("acceptedAnswers").asLong())
                .isEqualTo(90);
        assertThat(out.path("p99Ms").asDouble()).isGreaterThanOrEqualTo(out.path("p50Ms").asDouble()).isPositive();
        assertThat(out.path("clientJvm").asText()).isEqualTo("separate");
        assertThat(out.path("warmUpSeconds").asInt()).isEqualTo(1);
    }

    @Test
    void withoutAWarmUpEveryScanIsMeasured() throws Exception {
        JsonNode out = ScanBenchmark.run(new ScanBenchmark.Settings(1, 15, 1, 0, true));

        assertThat(out.has("warmUp")).isFalse();
        assertThat(out.path("scans").asLong()).isEqualTo(15);
        assertThat(out.path("acceptedScansStored").asLong()).isEqualTo(15);
        assertThat(out.path("clientJvm").asText()).isEqualTo("same as the node");
    }

    @Test
    void refusesANegativeWarmUpNamingIt() {
        assertThatThrownBy(() -> new ScanBenchmark.Settings(16, 300, 20, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the warm-up is 0 seconds or more, got -1");
    }
}
