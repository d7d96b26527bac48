package dev.wedge.edge.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wedge.edge.dispatch.driver.ActionType;
import dev.wedge.edge.dispatch.model.DeliveryOrder;
import dev.wedge.edge.dispatch.model.DispatchErrorCode;
import dev.wedge.edge.dispatch.model.DispatchException;
import dev.wedge.edge.dispatch.plan.Replanner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Driver assignment by shift and existing work, dispatcher reassignment, pinning and same-day additions. */
class AssignmentTest {
    private DispatchFixture f;
    private List<String> routes;

    @BeforeEach
    void planTwoRoutes() throws Exception {
        f = new DispatchFixture();
        // West and east of the depot, far enough apart that the solver uses both trucks.
        List<DeliveryOrder> orders = new ArrayList<>();
        orders.add(f.order("W1", "ACME", 52.0, 4.90, 0, 25, 1));
        orders.add(f.order("W2", "ACME", 52.01, 4.89, 0, 25, 1));
        orders.add(f.order("E1", "ACME", 52.0, 5.10, 0, 25, 1));
        orders.add(f.order("E2", "ACME", 52.01, 5.11, 0, 25, 1));
        routes = f.planDay("DAY", orders, "T1", "T2");
        assertThat(routes).hasSize(2);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private String routeOf(String stop) throws Exception {
        for (JsonNode r : f.dispatch.overview().path("routes")) {
            for (JsonNode s : r.path("stops")) {
                if (s.path("stopId").asText().equals(stop)) {
                    return r.path("routeId").asText();
                }
            }
        }
        throw new AssertionError("no route has " + stop);
    }

    @Test
    void routesGoToDriversWhoseShiftCoversThemAndNeverTwoOverlappingRoutesToOneDriver() throws Exception {
        f.dispatch.upsertDriver("EARLY", "Ends at 08:30", DispatchFixture.T0, DispatchFixture.T0.plusSeconds(1800));
        f.dispatch.upsertDriver("D1", "Dana", DispatchFixture.T0, DispatchFixture.T0.plus(Duration.ofHours(10)));

        Map<String, String> first = f.dispatch.assignAll();
        assertThat(first).hasSize(1).containsValue("D1");

        f.dispatch.upsertDriver("D2", "Sam", DispatchFixture.T0, DispatchFixture.T0.plus(Duration.ofHours(10)));
        Map<String, String> second = f.dispatch.assignAll();
        assertThat(second).hasSize(1).containsValue("D2");
        assertThat(f.outbox("dispatch.assigned")).hasSize(2);
    }

    @Test
    void aDispatcherCanReassignToAFreeDriverButNotToOneWhoIsBusyOrOffShift() throws Exception {
        f.dispatch.upsertDriver("D1", "Dana", DispatchFixture.T0, DispatchFixture.T0.plus(Duration.ofHours(10)));
        f.dispatch.upsertDriver("D2", "Sam", DispatchFixture.T0, DispatchFixture.T0.plus(Duration.ofHours(10)));
        f.dispatch.upsertDriver("OFF", "Tomorrow", DispatchFixture.T0.plus(Duration.ofHours(20)),
                DispatchFixture.T0.plus(Duration.ofHours(28)));
        Map<String, String> assigned = f.dispatch.assignAll();
        String r0 = routes.get(0);
        String other = assigned.get(r0).equals("D1") ? "D2" : "D1";

        assertThatThrownBy(() -> f.dispatch.reassign(r0, other)).isInstanceOf(DispatchException.class)
                .extracting(e -> ((DispatchException) e).code()).isEqualTo(DispatchErrorCode.NO_DRIVER);
        assertThatThrownBy(() -> f.dispatch.reassign(r0, "OFF")).isInstanceOf(DispatchException.class);

        f.dispatch.upsertDriver("D3", "Kim", DispatchFixture.T0, DispatchFixture.T0.plus(Duration.ofHours(10)));
        f.dispatch.reassign(r0, "D3");
        assertThat(f.dispatch.driverDay("D3").path("routes").get(0).path("routeId").asText()).isEqualTo(r0);
        assertThat(f.outbox("dispatch.assigned").get(2).path("previousDriverId").asText())
                .isEqualTo(assigned.get(r0));
    }

    @Test
    void aStopPinnedToAnotherDriverMovesToThatDriversRouteAndTheRestIsReplanned() throws Exception {
        f.dispatch.upsertDriver("D1", "Dana", DispatchFixture.T0, DispatchFixture.T0.plus(Duration.ofHours(10)));
        f.dispatch.upsertDriver("D2", "Sam", DispatchFixture.T0, DispatchFixture.T0.plus(Duration.ofHours(10)));
        Map<String, String> assigned = f.dispatch.assignAll();
        String eastDriver = assigned.get(routeOf("E1"));
        String eastRoute = routeOf("E1");

        Replanner.Outcome o = f.dispatch.pin("W1", eastDriver);

        // The rest may move: with W1 on the east truck, the other truck takes what that truck can no longer reach.
        assertThat(o.unassigned()).isEmpty();
        assertThat(routeOf("W1")).isEqualTo(eastRoute);
        assertThat(o.routeByStop()).containsOnlyKeys("W1", "W2", "E1", "E2");
        for (JsonNode r : f.dispatch.overview().path("routes")) {
            List<Integer> seqs = new ArrayList<>();
            r.path("stops").forEach(s -> seqs.add(s.path("seq").asInt()));
            for (int i = 0; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).isEqualTo(i + 1);
            }
        }
        assertThat(f.outbox("dispatch.replanned")).hasSize(1);
    }

    @Test
    void aSameDayAdditionGoesToTheNearestDriverOnTheRoad() throws Exception {
        f.dispatch.upsertDriver("D1", "Dana", DispatchFixture.T0, DispatchFixture.T0.plus(Duration.ofHours(10)));
        f.dispatch.upsertDriver("D2", "Sam", DispatchFixture.T0, DispatchFixture.T0.plus(Duration.ofHours(10)));
        Map<String, String> assigned = f.dispatch.assignAll();
        String westDriver = assigned.get(routeOf("W1"));
        String eastDriver = assigned.get(routeOf("E1"));
        f.act(westDriver, ActionType.START, null);
        f.act(eastDriver, ActionType.START, null);
        f.clock.advance(Duration.ofMinutes(10));
        f.position(westDriver, 52.0, 4.93);
        f.position(eastDriver, 52.0, 5.07);

        DeliveryOrder extra = f.order("E3", "ACME", 52.02, 5.09, 0, 240, 1);
        Replanner.Outcome o = f.dispatch.addStop(extra, Optional.empty());

        assertThat(o.routeByStop().get("E3")).isEqualTo(routeOf("E1"));
        assertThat(f.dispatch.driverDay(eastDriver).path("routes").get(0).path("stops")).hasSize(3);
        // Stops of a route on the road stay on their truck.
        assertThat(routeOf("W1")).isEqualTo(routeOf("W2"));
        assertThat(f.outbox("dispatch.replanned")).hasSize(1);
        assertThat(f.stop("E3").path("trackingToken").asText()).hasSize(22);
    }
}
