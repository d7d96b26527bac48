package dev.wedge.sync.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void waitsDoubleUpToTheCapAndKeepTheirFixedShare() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), 0.5, new Random(7));
        long[] bases = {100, 200, 400, 800, 1000, 1000, 1000};
        for (long base : bases) {
            long wait = backoff.nextWait().toMillis();
            assertThat(wait).isBetween(base / 2, base);
        }
    }

    @Test
    void jitterSpreadsWaitsOfTheSameStep() {
        List<Long> firstWaits = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < 20; i++) {
            firstWaits.add(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(10), 0.5, random).nextWait()
                    .toMillis());
        }
        assertThat(firstWaits.stream().distinct().count()).isGreaterThan(10);
    }

    @Test
    void resetStartsAgainFromTheMinimum() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 0.0, new Random(1));
        backoff.nextWait();
        backoff.nextWait();
        backoff.reset();
        assertThat(backoff.nextWait()).isEqualTo(Duration.ofMillis(100));
    }
}
