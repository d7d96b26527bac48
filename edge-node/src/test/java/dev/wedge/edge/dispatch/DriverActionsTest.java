package dev.wedge.edge.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wedge.edge.dispatch.driver.ActionResult;
import dev.wedge.edge.dispatch.driver.ActionResult.Outcome;
import dev.wedge.edge.dispatch.driver.ActionType;
import dev.wedge.edge.dispatch.driver.DriverAction;
import dev.wedge.edge.dispatch.model.DeliveryOrder;
import dev.wedge.edge.dispatch.model.DispatchErrorCode;
import dev.wedge.edge.dispatch.model.DispatchException;
import dev.wedge.edge.dispatch.model.FailureReason;
import dev.wedge.edge.dispatch.model.ProofPolicy;
import dev.wedge.edge.dispatch.model.ProofRule;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DriverActionsTest {
    // A 1x1 PNG: the smallest image the proof check accepts.
    private static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk"
            + "YAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    private DispatchFixture f;
    private DeliveryOrder s1;
    private DeliveryOrder s2;

    @BeforeEach
    void startRoute() throws Exception {
        f = new DispatchFixture();
        f.dispatch.upsertCustomer("SHOP", "Corner Shop", null,
                new ProofPolicy(ProofRule.WARNED, ProofRule.OPTIONAL, ProofRule.WARNED));
        f.dispatch.upsertDriver("D1", "Dana", DispatchFixture.T0, DispatchFixture.T0.plus(Duration.ofHours(10)));
        s1 = f.order("S1", "ACME", 52.0, 5.02, 0, 240, 2);
        s2 = f.order("S2", "SHOP", 52.0, 5.04, 0, 240, 2);
        f.planDay("DAY", List.of(s1, s2), "T1");
        f.dispatch.assignAll();
        f.act("D1", ActionType.START, null);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private DriverAction deliver(String stop, Optional<String> signature, List<String> ssccs) {
        return f.action("D1", ActionType.DELIVER, stop, signature, Optional.of(PNG), ssccs, Optional.empty());
    }

    @Test
    void anActionSentAgainWithItsKeyIsAppliedOnceAndAnsweredAsADuplicate() throws Exception {
        DriverAction a = deliver("S1", Optional.of(PNG), s1.ssccs());

        ActionResult first = f.dispatch.apply(a);
        ActionResult again = f.dispatch.apply(a);

        assertThat(first.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(again.detail()).isEqualTo(first.detail());
        assertThat(f.outbox("dispatch.delivered")).hasSize(1);
        assertThat(f.count("SELECT COUNT(*) FROM dispatch_proof WHERE stop_id = 'S1'")).isEqualTo(2);
        JsonNode event = f.outbox("dispatch.delivered").get(0);
        assertThat(event.path("ssccs")).hasSize(2);
        byte[] signature = Base64.getDecoder().decode(event.path("proofs").get(1).path("data").asText());
        assertThat(signature).isEqualTo(f.dispatch.proof("S1", dev.wedge.edge.dispatch.model.ProofKind.SIGNATURE)
                .orElseThrow().data());
    }

    @Test
    void aDeliveryWithoutTheRequiredSignatureIsRefusedAndChangesNothing() throws Exception {
        long outboxBefore = f.count("SELECT COUNT(*) FROM sync_outbox WHERE kind <> 'dispatch.action'");
        long outcomesBefore = f.count("SELECT COUNT(*) FROM sync_outbox WHERE kind = 'dispatch.action'");
        DriverAction a = deliver("S1", Optional.empty(), s1.ssccs());

        ActionResult r = f.dispatch.apply(a);

        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(r.code()).isEqualTo("PROOF_MISSING");
        assertThat(r.detail()).contains("S1", "signature");
        assertThat(f.stop("S1").path("status").asText()).isEqualTo("PENDING");
        assertThat(f.count("SELECT COUNT(*) FROM dispatch_proof")).isZero();
        assertThat(f.count("SELECT COUNT(*) FROM sync_outbox WHERE kind <> 'dispatch.action'"))
                .isEqualTo(outboxBefore);
        // Only the refusal itself goes to HQ, so HQ can tell a driver who sent the action through it.
        assertThat(f.count("SELECT COUNT(*) FROM sync_outbox WHERE kind = 'dispatch.action'"))
                .isEqualTo(outcomesBefore + 1);
        // The same key sent again gets the same refusal, not a second attempt, and is not reported again.
        assertThat(f.dispatch.apply(a).code()).isEqualTo("PROOF_MISSING");
        assertThat(f.count("SELECT COUNT(*) FROM sync_outbox WHERE kind = 'dispatch.action'"))
                .isEqualTo(outcomesBefore + 1);
    }

    @Test
    void aScannedPackageThatBelongsToAnotherStopIsRefused() throws Exception {
        ActionResult r = f.dispatch.apply(deliver("S1", Optional.of(PNG), List.of(s1.ssccs().get(0),
                s2.ssccs().get(0))));

        assertThat(r.code()).isEqualTo("PROOF_MISSING");
        assertThat(r.detail()).contains(s2.ssccs().get(0));
    }

    @Test
    void aWarnedCustomerGetsTheDeliveryWithAWarningForTheMissingProof() throws Exception {
        ActionResult r = f.dispatch.apply(deliver("S2", Optional.empty(), List.of("00" + s2.ssccs().get(0))));

        assertThat(r.outcome()).isEqualTo(Outcome.APPLIED);
        JsonNode stop = f.stop("S2");
        assertThat(stop.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(stop.path("proofWarnings").asText()).contains("signature", s2.ssccs().get(1));
        assertThat(stop.path("scanned")).hasSize(1);
    }

    @Test
    void aWarnedDeliveryOfManyUnscannedPackagesIsAppliedWithItsWarningsShortenedToFit() throws Exception {
        try (DispatchFixture g = new DispatchFixture()) {
            g.dispatch.upsertCustomer("SHOP", "Corner Shop", null,
                    new ProofPolicy(ProofRule.WARNED, ProofRule.OPTIONAL, ProofRule.WARNED));
            g.dispatch.upsertDriver("D1", "Dana", DispatchFixture.T0, DispatchFixture.T0.plus(Duration.ofHours(10)));
            // 40 cartons: the list of unscanned SSCCs alone is longer than the stop's warnings column.
            DeliveryOrder pallet = g.order("S9", "SHOP", 52.0, 5.02, 0, 240, 40);
            g.planDay("BIG", List.of(pallet), "T1");
            g.dispatch.assignAll();
            g.act("D1", ActionType.START, null);

            ActionResult r = g.dispatch.apply(g.action("D1", ActionType.DELIVER, "S9", Optional.empty(),
                    Optional.empty(), List.of(), Optional.empty()));

            assertThat(r.outcome()).isEqualTo(Outcome.APPLIED);
            JsonNode stop = g.stop("S9");
            assertThat(stop.path("status").asText()).isEqualTo("DELIVERED");
            assertThat(stop.path("proofWarnings").asText()).contains("signature", pallet.ssccs().get(0))
                    .hasSizeLessThanOrEqualTo(500);
            assertThat(g.outbox("dispatch.delivered").get(0).path("warnings").asText())
                    .contains(pallet.ssccs().get(39));
        }
    }

    @Test
    void anActionOfADriverWhoseBadgeIsLongerThanDispatchKeepsIsInvalidInputAndStoresNothing() throws Exception {
        String badge = "DRIVER-WITH-A-VERY-LONG-BADGE-0123456";

        assertThatThrownBy(() -> f.position(badge, 52.0, 5.0)).isInstanceOfSatisfying(DispatchException.class,
                e -> assertThat(e.code()).isEqualTo(DispatchErrorCode.INVALID_INPUT));
        assertThat(f.count("SELECT COUNT(*) FROM dispatch_position WHERE driver_id LIKE 'DRIVER-WITH%'")).isZero();
    }

    @Test
    void aFailedDeliveryKeepsItsReasonAndTheRouteFinishesOnlyWhenEveryStopIsDone() throws Exception {
        f.dispatch.apply(f.action("D1", ActionType.FAIL, "S1", Optional.empty(), Optional.empty(), List.of(),
                Optional.of(FailureReason.CUSTOMER_ABSENT)));
        ActionResult early = f.act("D1", ActionType.FINISH, null);
        assertThat(early.code()).isEqualTo("WRONG_STATE");
        assertThat(early.detail()).contains("S2");

        f.dispatch.apply(deliver("S2", Optional.of(PNG), s2.ssccs()));
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(f.act("D1", ActionType.FINISH, null).outcome()).isEqualTo(Outcome.APPLIED);

        JsonNode m = f.dispatch.metrics();
        assertThat(m.path("failedByReason").path("CUSTOMER_ABSENT").asInt()).isEqualTo(1);
        assertThat(m.path("delivered").asInt()).isEqualTo(1);
        assertThat(m.path("onTimeRate").asDouble()).isEqualTo(1.0);
        assertThat(m.path("routes").get(0).path("actualSeconds").asLong()).isEqualTo(30 * 60);
        assertThat(f.outbox("dispatch.failed").get(0).path("reason").asText()).isEqualTo("CUSTOMER_ABSENT");
        assertThat(f.outbox("dispatch.route-finished")).hasSize(1);
    }

    @Test
    void aDriverCannotActOnAnotherDriversStop() throws Exception {
        f.dispatch.upsertDriver("D2", "Sam", DispatchFixture.T0, DispatchFixture.T0.plus(Duration.ofHours(10)));
        ActionResult r = f.act("D2", ActionType.ARRIVE, "S1");
        assertThat(r.code()).isEqualTo("NOT_YOUR_STOP");
        assertThat(f.stop("S1").path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void aKeySentAgainWithADifferentActionIsRefusedAndTheFirstActionStands() throws Exception {
        DriverAction first = deliver("S1", Optional.of(PNG), s1.ssccs());
        assertThat(f.dispatch.apply(first).outcome()).isEqualTo(Outcome.APPLIED);
        DriverAction other = f.action("D1", ActionType.FAIL, "S2", Optional.empty(), Optional.empty(), List.of(),
                Optional.of(FailureReason.CUSTOMER_ABSENT));
        DriverAction sameKey = new DriverAction(first.key(), "D1", ActionType.FAIL, other.at(), Optional.empty(),
                Optional.of("S2"), Optional.empty(), other.reason(), "", Optional.empty(), Optional.empty(), List.of());

        ActionResult r = f.dispatch.apply(sameKey);

        // Answering DUPLICATE would tell the phone its FAIL of S2 was kept while it was dropped.
        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(r.code()).isEqualTo("KEY_REUSED");
        assertThat(r.detail()).contains(first.key(), "DELIVER", "S1");
        assertThat(f.stop("S2").path("status").asText()).isEqualTo("PENDING");
        assertThat(f.dispatch.apply(first).outcome()).isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void anotherDriverReplayingAKeyLearnsNothingAboutTheFirstAction() throws Exception {
        f.dispatch.upsertDriver("D2", "Sam", DispatchFixture.T0, DispatchFixture.T0.plus(Duration.ofHours(10)));
        DriverAction first = deliver("S1", Optional.of(PNG), s1.ssccs());
        f.dispatch.apply(first);
        DriverAction replay = new DriverAction(first.key(), "D2", first.type(), first.at(), first.routeId(),
                first.stopId(), first.position(), first.reason(), first.note(), first.signature(), first.photo(),
                first.ssccs());

        ActionResult r = f.dispatch.apply(replay);

        assertThat(r.code()).isEqualTo("KEY_REUSED");
        assertThat(r.detail()).doesNotContain("delivered");
    }

    @Test
    void aPhotoThatIsNotTheImageItClaimsToBeIsRefusedAndNothingIsStored() throws Exception {
        String text = "data:image/png;base64," + Base64.getEncoder().encodeToString(
                "<html><script>alert(1)</script></html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        DriverAction a = f.action("D1", ActionType.DELIVER, "S1", Optional.of(PNG), Optional.of(text), s1.ssccs(),
                Optional.empty());

        ActionResult r = f.dispatch.apply(a);

        assertThat(r.code()).isEqualTo("INVALID_INPUT");
        assertThat(r.detail()).contains("photo", "S1", "PNG");
        assertThat(f.stop("S1").path("status").asText()).isEqualTo("PENDING");
        assertThat(f.count("SELECT COUNT(*) FROM dispatch_proof")).isZero();
    }
}
