package dev.wedge.routing.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.wedge.routing.model.Place;
import org.junit.jupiter.api.Test;

class HaversineCostsTest {
    private final Place paris = new Place("paris", 2.3522, 48.8566);
    private final Place london = new Place("london", -0.1276, 51.5072);

    @Test
    void measuresTheGreatCircleDistanceInMetres() {
        HaversineCosts costs = HaversineCosts.atKmPerHour(60);

        assertThat(costs.distance(paris, london)).isCloseTo(343_550, offset(1_000.0));
        assertThat(costs.distance(paris, paris)).isZero();
    }

    @Test
    void drivesAtTheAverageSpeedWithTheDetourFactor() {
        HaversineCosts costs = new HaversineCosts(20, 1.3);

        assertThat(costs.time(paris, london)).isCloseTo(costs.distance(paris, london) / 20, offset(1e-6));
        assertThat(costs.distance(paris, london)).isCloseTo(1.3 * HaversineCosts.atKmPerHour(50).distance(paris, london), offset(1e-3));
    }

    @Test
    void refusesAZeroSpeed() {
        assertThatThrownBy(() -> new HaversineCosts(0, 1)).hasMessageContaining("speed");
    }
}
