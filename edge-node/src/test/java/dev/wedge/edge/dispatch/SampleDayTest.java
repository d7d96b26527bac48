package dev.wedge.edge.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleDayTest {

    @Test
    void givesTheDemoDriverAccountARouteToDrive() throws Exception {
        try (DispatchFixture f = new DispatchFixture()) {
            List<String> routes = SampleDay.seed(f.dispatch, DispatchFixture.T0, "0614141");

            // The demo prints DEMO-DRIVER's PIN to try the driver app with; an empty day shows nothing to try.
            JsonNode day = f.dispatch.driverDay("DEMO-DRIVER").path("routes");
            assertThat(day).isNotEmpty();
            assertThat(day.get(0).path("routeId").asText()).isEqualTo(routes.get(0));
        }
    }
}
