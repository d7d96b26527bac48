package dev.wedge.edge.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wedge.edge.dispatch.driver.ActionResult;
import dev.wedge.edge.dispatch.driver.ActionType;
import dev.wedge.edge.dispatch.model.DeliveryOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ETAs of a stored route as the driver app's positions come in, with the late alert for HQ. */
class EtaTrackingTest {
    private DispatchFixture f;
    private String routeId;

    @BeforeEach
    void planOneRoute() throws Exception {
        f = new DispatchFixture();
        f.dispatch.upsertDriver("D1", "Dana", DispatchFixture.T0, DispatchFixture.T0.plus(Duration.ofHours(10)));
        // Three stops due east of the depot, 0.02 degrees of longitude (about 1.4 km) apart.
        List<DeliveryOrder> orders = List.of(
                f.order("S1", "ACME", 52.0, 5.02, 0, 120, 1),
                f.order("S2", "ACME", 52.0, 5.04, 0, 120, 1),
                f.order("S3", "ACME", 52.0, 5.06, 0, 30, 1));
        routeId = f.planDay("DAY", orders, "T1").get(0);
        assertThat(f.dispatch.assignAll()).containsEntry(routeId, "D1");
        assertThat(f.act("D1", ActionType.START, null).outcome()).isEqualTo(ActionResult.Outcome.APPLIED);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private Instant eta(String stop) throws Exception {
        return Instant.parse(f.stop(stop).path("eta").asText());
    }

    @Test
    void positionsReplayedAlongTheRouteMoveTheEtasAsExpected() throws Exception {
        f.position("D1", 52.0, 5.0);
        Instant s1AtDepot = eta("S1");
        Instant s3AtDepot = eta("S3");

        // Stuck at the depot for five minutes: every ETA moves five minutes later.
        f.clock.advance(Duration.ofMinutes(5));
        f.position("D1", 52.0, 5.0);
        assertThat(Duration.between(s1AtDepot, eta("S1"))).isEqualTo(Duration.ofMinutes(5));
        assertThat(Duration.between(s3AtDepot, eta("S3"))).isEqualTo(Duration.ofMinutes(5));

        // Then half way to S1 one minute later: S1 comes closer than it was from the depot.
        f.clock.advance(Duration.ofMinutes(1));
        Instant s1Before = eta("S1");
        f.position("D1", 52.0, 5.01);
        assertThat(eta("S1")).isBefore(s1Before);
        assertThat(eta("S1")).isAfter(f.clock.instant());

        // Delivered at S1: the next ETAs start from there.
        f.clock.advance(Duration.ofMinutes(3));
        f.position("D1", 52.0, 5.02);
        f.act("D1", ActionType.ARRIVE, "S1");
        assertThat(f.stop("S1").path("status").asText()).isEqualTo("ARRIVED");
        assertThat(eta("S2")).isAfter(f.clock.instant().plusSeconds(120 - 1));
        assertThat(f.dispatch.metrics().path("routes").get(0).path("actualDistanceM").asLong())
                .isBetween(1300L, 1450L);
    }

    @Test
    void aDelayBeyondAWindowRaisesOneAlertAlsoForHq() throws Exception {
        f.position("D1", 52.0, 5.0);
        assertThat(f.dispatch.overview().path("alerts")).isEmpty();

        // S3 must be served within 30 minutes; the truck stands still for 40.
        f.clock.advance(Duration.ofMinutes(40));
        f.position("D1", 52.0, 5.0);
        f.clock.advance(Duration.ofMinutes(1));
        f.position("D1", 52.0, 5.0);

        JsonNode alerts = f.dispatch.overview().path("alerts");
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).path("stopId").asText()).isEqualTo("S3");
        assertThat(alerts.get(0).path("kind").asText()).isEqualTo("LATE");
        List<JsonNode> atHq = f.outbox("dispatch.alert");
        assertThat(atHq).hasSize(1);
        assertThat(atHq.get(0).path("routeId").asText()).isEqualTo(routeId);
        assertThat(Instant.parse(atHq.get(0).path("eta").asText()))
                .isAfter(Instant.parse(atHq.get(0).path("windowEnd").asText()));
        assertThat(f.stop("S1").path("eta").asText()).isNotEmpty();
    }

    @Test
    void aLatePositionFromBeforeTheLastOneIsKeptInTheTrackButDoesNotMoveTheTruckBack() throws Exception {
        f.position("D1", 52.0, 5.0);
        f.clock.advance(Duration.ofMinutes(2));
        Instant sentLate = f.clock.instant();
        f.clock.advance(Duration.ofMinutes(1));
        f.position("D1", 52.0, 5.01);
        Instant s1Eta = eta("S1");
        long distance = f.dispatch.metrics().path("routes").get(0).path("actualDistanceM").asLong();

        // The phone was offline: the fix taken at sentLate (still at the depot) arrives after the newer one.
        ActionResult r = f.dispatch.apply(new dev.wedge.edge.dispatch.driver.DriverAction(DispatchFixture.key(), "D1",
                ActionType.POSITION, sentLate, java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.of(new dev.wedge.edge.dispatch.model.GeoPoint(52.0, 5.0)),
                java.util.Optional.empty(), "", java.util.Optional.empty(), java.util.Optional.empty(), List.of()));

        assertThat(r.outcome()).isEqualTo(ActionResult.Outcome.APPLIED);
        assertThat(eta("S1")).isEqualTo(s1Eta);
        assertThat(f.dispatch.metrics().path("routes").get(0).path("actualDistanceM").asLong()).isEqualTo(distance);
        assertThat(f.count("SELECT COUNT(*) FROM dispatch_position WHERE route_id = '" + routeId + "'")).isEqualTo(3);
    }

    @Test
    void aPositionOfAnUnknownDriverIsRefused() throws Exception {
        ActionResult r = f.position("NOBODY", 52.0, 5.0);

        assertThat(r.code()).isEqualTo("NOT_FOUND");
        assertThat(f.count("SELECT COUNT(*) FROM dispatch_position WHERE driver_id = 'NOBODY'")).isZero();
    }

    @Test
    void aPositionThatWouldNeedAnImpossibleSpeedIsKeptInTheTrackButMovesNothing() throws Exception {
        f.position("D1", 52.0, 5.0);
        f.clock.advance(Duration.ofMinutes(1));
        f.position("D1", 52.0, 5.005);
        Instant s1Eta = eta("S1");
        long distance = f.dispatch.metrics().path("routes").get(0).path("actualDistanceM").asLong();

        // A GPS glitch: Paris, 400 km away, one minute later.
        f.clock.advance(Duration.ofMinutes(1));
        ActionResult glitch = f.position("D1", 48.85, 2.35);

        assertThat(glitch.detail()).contains("implausible");
        assertThat(eta("S1")).isEqualTo(s1Eta);
        assertThat(f.dispatch.metrics().path("routes").get(0).path("actualDistanceM").asLong()).isEqualTo(distance);
        assertThat(f.dispatch.overview().path("alerts")).isEmpty();

        // The next real fix is measured from the last believable one.
        f.clock.advance(Duration.ofMinutes(1));
        f.position("D1", 52.0, 5.01);
        assertThat(f.dispatch.metrics().path("routes").get(0).path("actualDistanceM").asLong())
                .isBetween(distance + 300, distance + 400);
    }
}
