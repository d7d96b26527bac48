package dev.wedge.edge.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.wedge.edge.dispatch.driver.ActionType;
import dev.wedge.edge.dispatch.model.DeliveryOrder;
import dev.wedge.edge.dispatch.model.FailureReason;
import dev.wedge.edge.dispatch.model.ProofPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Customer notifications by e-mail through a local SMTP server and by webhook to a local receiver. */
class NotificationTest {
    private static final String PNG = DispatchTestAccess.PNG;

    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> hooks = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final List<String> attemptKeys = new CopyOnWriteArrayList<>();
    private dev.wedge.edge.dispatch.notify.SmtpProbe smtp;
    private HttpServer webhook;
    private DispatchFixture f;
    private DeliveryOrder s1;

    @BeforeEach
    void start() throws Exception {
        smtp = dev.wedge.edge.dispatch.notify.SmtpProbe.start();
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            attemptKeys.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            if (status == 204) {
                hooks.add(json.readTree(new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        webhook.start();
        DispatchSettings settings = DispatchSettings.defaults().withSpeed(36, 1).withNotice(5)
                .withSmtp(new DispatchSettings.Smtp("127.0.0.1", smtp.port(), "dispatch@wh.test"))
                .withWebhook(URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook"));
        f = new DispatchFixture(settings);
        f.dispatch.upsertDriver("D1", "Dana", DispatchFixture.T0, DispatchFixture.T0.plus(Duration.ofHours(10)));
        // S1 is about 2.5 minutes from the depot, S2 about 7: only S1 is "within 5 minutes" at the start.
        s1 = f.order("S1", "ACME", 52.0, 5.02, 0, 4, 1);
        f.planDay("DAY", List.of(s1, f.order("S2", "ACME", 52.0, 5.04, 0, 240, 1)), "T1");
        f.dispatch.assignAll();
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
        webhook.stop(0);
        smtp.close();
    }

    private List<String> events() {
        return hooks.stream().map(h -> h.path("event").asText() + ":" + h.path("stopId").asText()).toList();
    }

    @Test
    void startingTheRouteTellsEachCustomerByMailAndWebhookWithTheTrackingLink() throws Exception {
        f.act("D1", ActionType.START, null);
        f.dispatch.sendNotifications();

        assertThat(events()).contains("ROUTE_STARTED:S1", "ROUTE_STARTED:S2");
        var mails = smtp.mails();
        assertThat(mails).filteredOn(m -> m.data().contains("Subject: Your delivery S1 is on its way")).singleElement()
                .satisfies(m -> {
                    assertThat(m.to()).isEqualTo("goods@acme.test");
                    assertThat(m.from()).isEqualTo("dispatch@wh.test");
                    assertThat(m.data()).contains("/track/" + f.stop("S1").path("trackingToken").asText());
                });
        JsonNode hook = hooks.stream().filter(h -> h.path("stopId").asText().equals("S2")).findFirst().orElseThrow();
        assertThat(hook.path("trackingUrl").asText()).endsWith(f.stop("S2").path("trackingToken").asText());
    }

    @Test
    void anEtaWithinTheNoticeTimeIsToldOnceAndTheNextStopWhenItComesClose() throws Exception {
        f.act("D1", ActionType.START, null);
        f.position("D1", 52.0, 5.0);
        f.clock.advance(Duration.ofMinutes(1));
        f.position("D1", 52.0, 5.01);
        f.dispatch.sendNotifications();
        assertThat(events()).containsOnlyOnce("ETA_SOON:S1").doesNotContain("ETA_SOON:S2");

        f.clock.advance(Duration.ofMinutes(2));
        f.position("D1", 52.0, 5.02);
        f.dispatch.apply(f.action("D1", ActionType.DELIVER, "S1", Optional.of(PNG), Optional.empty(), s1.ssccs(),
                Optional.empty()));
        f.dispatch.sendNotifications();
        assertThat(events()).containsOnlyOnce("ETA_SOON:S1").containsOnlyOnce("ETA_SOON:S2")
                .containsOnlyOnce("DELIVERED:S1");
        assertThat(smtp.mails()).anyMatch(m -> m.data().contains("Subject: Your delivery S1 was delivered"));
    }

    @Test
    void aFailedDeliveryIsToldWithItsReason() throws Exception {
        f.act("D1", ActionType.START, null);
        f.dispatch.apply(f.action("D1", ActionType.FAIL, "S2", Optional.empty(), Optional.empty(), List.of(),
                Optional.of(FailureReason.NO_ACCESS)));
        f.dispatch.sendNotifications();

        JsonNode failed = hooks.stream().filter(h -> h.path("event").asText().equals("FAILED")).findFirst().orElseThrow();
        assertThat(failed.path("reason").asText()).isEqualTo("NO_ACCESS");
        assertThat(smtp.mails()).anyMatch(m -> m.data().contains("could not be made (NO_ACCESS)"));
    }

    @Test
    void aWebhookThatFailsIsRetriedWithoutHoldingBackTheMails() throws Exception {
        failuresLeft.set(2);
        f.act("D1", ActionType.START, null);

        f.dispatch.sendNotifications();
        int mailsAfterFirstRound = smtp.mails().size();
        assertThat(mailsAfterFirstRound).isGreaterThanOrEqualTo(2);
        f.clock.advance(Duration.ofMinutes(1));
        f.dispatch.sendNotifications();
        f.clock.advance(Duration.ofMinutes(1));
        f.dispatch.sendNotifications();

        assertThat(events()).containsOnlyOnce("ROUTE_STARTED:S1").containsOnlyOnce("ROUTE_STARTED:S2");
        assertThat(smtp.mails()).hasSize(mailsAfterFirstRound);
        assertThat(f.count("SELECT COUNT(*) FROM dispatch_notification WHERE state <> 1")).isZero();
    }

    @Test
    void aWebhookDownForManyRoundsGetsEveryEventOnceWhenItIsBack() throws Exception {
        failuresLeft.set(1_000_000);
        f.act("D1", ActionType.START, null);
        for (int round = 0; round < 30; round++) {
            f.dispatch.sendNotifications();
            f.clock.advance(Duration.ofSeconds(1));
        }
        assertThat(hooks).isEmpty();

        failuresLeft.set(0);
        for (int round = 0; round < 10; round++) {
            f.clock.advance(Duration.ofMinutes(10));
            f.dispatch.sendNotifications();
        }

        assertThat(events()).containsOnlyOnce("ROUTE_STARTED:S1").containsOnlyOnce("ROUTE_STARTED:S2");
        assertThat(f.count("SELECT COUNT(*) FROM dispatch_notification WHERE state <> 1")).isZero();
    }

    private void startTheRouteAndSendForHalfAnHour(String customerEmail) throws Exception {
        f.dispatch.upsertCustomer("ACME", "Acme Foods", customerEmail, ProofPolicy.standard());
        f.act("D1", ActionType.START, null);
        for (int round = 0; round < 3; round++) {
            f.dispatch.sendNotifications();
            f.clock.advance(Duration.ofMinutes(10));
        }
    }

    @Test
    void aRecipientTheRelayRefusesForGoodIsGivenUpAfterOneAttempt() throws Exception {
        startTheRouteAndSendForHalfAnHour("unknown@acme.test");

        // Route started for S1 and S2, and S1's "within five minutes": every one given up after its first try.
        assertThat(f.count("SELECT COUNT(*) FROM dispatch_notification WHERE channel = 'EMAIL'"
                + " AND target = 'unknown@acme.test' AND state = 2 AND attempts = 1")).isEqualTo(3);
        assertThat(f.count("SELECT COUNT(*) FROM dispatch_notification WHERE channel = 'EMAIL'")).isEqualTo(3);
        assertThat(events()).contains("ROUTE_STARTED:S1", "ROUTE_STARTED:S2");
    }

    @Test
    void aRecipientTheRelayRefusesForNowIsTriedAgain() throws Exception {
        startTheRouteAndSendForHalfAnHour("busy@acme.test");

        assertThat(f.count("SELECT COUNT(*) FROM dispatch_notification WHERE channel = 'EMAIL'"
                + " AND target = 'busy@acme.test' AND state = 0 AND attempts >= 2")).isEqualTo(3);
        assertThat(f.count("SELECT COUNT(*) FROM dispatch_notification WHERE channel = 'EMAIL'")).isEqualTo(3);
    }

    @Test
    void aFailedMessageWaitsLongerBeforeEachNewAttempt() throws Exception {
        failuresLeft.set(1_000_000);
        f.act("D1", ActionType.START, null);
        for (int round = 0; round < 20; round++) {
            f.dispatch.sendNotifications();
            f.clock.advance(Duration.ofMillis(250));
        }

        // Twenty rounds in five seconds: backing off, each webhook was tried a few times, not twenty.
        assertThat(f.count("SELECT MAX(attempts) FROM dispatch_notification WHERE channel = 'WEBHOOK'"))
                .isBetween(2L, 4L);
    }

    @Test
    void aCustomerEmailCarryingAnotherHeaderIsRefused() throws Exception {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.dispatch.upsertCustomer("EVIL", "Eve",
                        "eve@evil.test\r\nBcc: all@victims.test", dev.wedge.edge.dispatch.model.ProofPolicy.standard()))
                .isInstanceOf(dev.wedge.edge.dispatch.model.DispatchException.class)
                .hasMessageContaining("e-mail");
        assertThat(f.count("SELECT COUNT(*) FROM dispatch_customer WHERE customer_id = 'EVIL'")).isZero();
    }

    @Test
    void aWebhookRetriedAfterAFailureCarriesTheSameIdempotencyKeySoTheReceiverCanDropARepeat() throws Exception {
        failuresLeft.set(1);
        f.act("D1", ActionType.START, null);
        f.dispatch.sendNotifications();
        f.clock.advance(Duration.ofMinutes(1));
        f.dispatch.sendNotifications();

        // The first attempt failed; its retry is the same message, every other message has its own key.
        assertThat(attemptKeys).hasSize(events().size() + 1).doesNotContain("null");
        assertThat(attemptKeys.get(0)).startsWith("wedge-notification-");
        assertThat(attemptKeys.stream().filter(k -> k.equals(attemptKeys.get(0)))).hasSize(2);
        assertThat(java.util.Set.copyOf(attemptKeys)).hasSize(events().size());
    }
}
