package dev.wedge.edge.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wedge.edge.app.EdgeNode;
import dev.wedge.edge.auth.Role;
import dev.wedge.edge.config.ConfigReader;
import dev.wedge.edge.demo.HqRecords;
import dev.wedge.edge.dispatch.model.DeliveryOrder;
import dev.wedge.edge.dispatch.model.GeoPoint;
import dev.wedge.edge.dispatch.model.ProofKind;
import dev.wedge.edge.dispatch.model.ProofPolicy;
import dev.wedge.edge.dispatch.model.ProofRule;
import dev.wedge.edge.dispatch.plan.DayProblem;
import dev.wedge.routing.cost.HaversineCosts;
import dev.wedge.routing.jsprit.JspritRouteSolver;
import dev.wedge.routing.plan.Plan;
import dev.wedge.routing.solve.SolveOptions;
import dev.wedge.scanner.gs1.Sscc;
import dev.wedge.sync.hq.HqServer;
import dev.wedge.sync.hq.HqSettings;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;

/**
 * A driver's day in headless Chromium against a real edge node and a real HQ: log in with badge and PIN, start the
 * route, lose the network for two stops (one delivered with signature, photo and package scans, one failed) while
 * the session ends, get the network back, log in again, resend what was sent, deliver the last stop and finish. HQ
 * ends up with every event exactly once, proofs included.
 */
class DriverDayIT {
    private static final GeoPoint DEPOT = new GeoPoint(52.0, 5.0);

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private ChromeDriver browser;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void aDriversDayWithAnOfflineStretchReachesHqExactlyOnce() throws Exception {
        HqServer hq = new HqServer(HqSettings.local("jdbc:derby:" + dir.resolve("hq") + ";create=true"));
        int hqPort = hq.start();
        open.add(hq::stop);
        EdgeNode edge = new EdgeNode(ConfigReader.from(Map.of("node.id", "WH-DRV",
                "db.url", "jdbc:derby:memory:drv-" + UUID.randomUUID() + ";create=true", "web.port", "0",
                "hq.url", "http://127.0.0.1:" + hqPort + "/", "hq.maxBackoffMillis", "300",
                "gs1.companyPrefix", "0614141")), Clock.systemUTC()).start();
        open.add(edge);
        Dispatch dispatch = edge.dispatch();
        Map<String, DeliveryOrder> orders = planDay(edge, dispatch);

        browser = chromium();
        open.add(browser::quit);
        String base = edge.webUri().toString();
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base.substring(0, base.length() - 1),
                "permissions", List.of("geolocation")));
        moveTo(DEPOT);
        browser.get(base + "driver/");
        logIn("DR1", "2468");
        awaitText("#route-status", "PLANNED");
        List<String> order = browser.findElements(By.cssSelector("li.stop")).stream()
                .map(e -> e.getAttribute("data-stop")).toList();
        assertThat(order).hasSize(3);
        assertThat(browser.findElement(By.cssSelector("li.stop a.navigate")).getAttribute("href")).startsWith("geo:");
        browser.findElement(By.cssSelector("button.start")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> routeStatus(dispatch).equals("STARTED"));

        // Out of coverage for the first two stops.
        setOffline(true);
        moveTo(orders.get(order.get(0)).point());
        clickOn(order.get(0), "arrive");
        deliver(order.get(0), orders.get(order.get(0)), true);
        moveTo(orders.get(order.get(1)).point());
        clickOn(order.get(1), "fail");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("reason")))
                .selectByValue("CUSTOMER_ABSENT");
        browser.findElement(By.id("fail-note")).sendKeys("nobody home");
        browser.findElement(By.id("confirm-fail")).click();
        awaitStopStatus(order.get(1), "FAILED");
        String captured = (String) browser.executeScript("return localStorage.getItem('wedge.queue.DR1');");
        JsonNode queued = json.readTree(captured);
        assertThat(queued.size()).isGreaterThanOrEqualTo(3);
        assertThat(stopStatus(dispatch, order.get(0))).isEqualTo("PENDING");
        assertThat(Integer.parseInt(browser.findElement(By.id("queue-count")).getText())).isGreaterThanOrEqualTo(3);
        assertThat(queued.findValuesAsText("type")).contains("ARRIVE", "DELIVER", "FAIL");

        // The session ends while the phone is offline (idle timeout, or the node restarted): the queue stays.
        edge.sessions().close(browser.manage().getCookieNamed("wedge_session").getValue());
        // Back in coverage: the node asks for the PIN again, then the queue empties and the edge has what
        // happened offline, with the phone's times.
        setOffline(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("login")).isDisplayed());
        assertThat(browser.findElement(By.id("login-why")).getText()).contains("kept");
        assertThat(stopStatus(dispatch, order.get(0))).isEqualTo("PENDING");
        logIn("DR1", "2468");
        await().atMost(Duration.ofSeconds(20)).until(() -> "0".equals(browser.findElement(By.id("queue-count")).getText()));
        assertThat(stopStatus(dispatch, order.get(0))).isEqualTo("DELIVERED");
        assertThat(stopStatus(dispatch, order.get(1))).isEqualTo("FAILED");
        // The phone sends the same actions again (an answer lost on the way back): nothing is applied twice.
        JsonNode resent = resend(captured);
        assertThat(resent.findValuesAsText("outcome")).containsOnly("DUPLICATE");

        moveTo(orders.get(order.get(2)).point());
        deliver(order.get(2), orders.get(order.get(2)), false);
        await().atMost(Duration.ofSeconds(10)).until(() -> stopStatus(dispatch, order.get(2)).equals("DELIVERED"));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            browser.findElement(By.cssSelector("button.finish")).click();
            return true;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> routeStatus(dispatch).equals("FINISHED"));

        await().atMost(Duration.ofSeconds(30)).until(() -> edge.outboxBacklog() == 0);
        assertHqHoldsEachEventOnce(hq, dispatch, order);
    }

    private void assertHqHoldsEachEventOnce(HqServer hq, Dispatch dispatch, List<String> order) throws Exception {
        List<HqRecords.Record> records = HqRecords.all(hq.uri(), "WH-DRV");
        assertThat(records.stream().map(HqRecords.Record::key).distinct().count()).isEqualTo(records.size());
        Map<String, List<HqRecords.Record>> byKind = records.stream()
                .collect(Collectors.groupingBy(HqRecords.Record::kind));
        assertThat(byKind.get("dispatch.route-started")).hasSize(1);
        assertThat(byKind.get("dispatch.route-finished")).hasSize(1);
        assertThat(byKind.get("dispatch.arrived")).hasSize(1);
        assertThat(byKind.get("dispatch.failed")).singleElement()
                .satisfies(r -> assertThat(r.payload().path("reason").asText()).isEqualTo("CUSTOMER_ABSENT"))
                .satisfies(r -> assertThat(r.payload().path("stopId").asText()).isEqualTo(order.get(1)));
        assertThat(byKind.get("dispatch.position")).isNotEmpty();
        List<HqRecords.Record> delivered = byKind.get("dispatch.delivered");
        assertThat(delivered).extracting(r -> r.payload().path("stopId").asText())
                .containsExactlyInAnyOrder(order.get(0), order.get(2));
        for (HqRecords.Record r : delivered) {
            String stop = r.payload().path("stopId").asText();
            Map<String, String> shaByKind = new HashMap<>();
            for (JsonNode p : r.payload().path("proofs")) {
                byte[] data = Base64.getDecoder().decode(p.path("data").asText());
                assertThat(data).isEqualTo(dispatch.proof(stop, ProofKind.valueOf(p.path("kind").asText()))
                        .orElseThrow().data());
                shaByKind.put(p.path("kind").asText(), p.path("sha256").asText());
            }
            assertThat(shaByKind).containsKey("SIGNATURE");
            if (stop.equals(order.get(0))) {
                assertThat(shaByKind).containsKey("PHOTO");
            }
        }
        // And it stays that way: nothing arrives a second time later.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> HqRecords.all(hq.uri(), "WH-DRV").size() == records.size());
    }

    private Map<String, DeliveryOrder> planDay(EdgeNode edge, Dispatch dispatch) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        dispatch.upsertCustomer("ACME", "Acme Foods", null, ProofPolicy.standard());
        dispatch.upsertCustomer("SHOP", "Corner Shop", null,
                new ProofPolicy(ProofRule.WARNED, ProofRule.OPTIONAL, ProofRule.REQUIRED));
        dispatch.upsertDriver("DR1", "Dana", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(10)));
        edge.floor().users().create("DR1", "Dana", Role.DRIVER, "2468".toCharArray());
        Map<String, DeliveryOrder> orders = new HashMap<>();
        long serial = 5000;
        double[][] at = {{52.0, 5.02}, {52.01, 5.03}, {52.0, 5.05}};
        for (int i = 0; i < 3; i++) {
            String id = "S" + (i + 1);
            List<String> ssccs = List.of(Sscc.of(0, "0614141", serial++).value(), Sscc.of(0, "0614141", serial++).value());
            orders.put(id, new DeliveryOrder(id, i == 1 ? "SHOP" : "ACME", id + " Canal Street", "gate code 1234",
                    new GeoPoint(at[i][0], at[i][1]), now, now.plus(Duration.ofHours(4)), 300, ssccs));
        }
        Plan plan = new JspritRouteSolver().solve(DayProblem.of("it", now, now.plus(Duration.ofHours(9)), DEPOT,
                List.of("T1"), 50, List.copyOf(orders.values())), HaversineCosts.atKmPerHour(40),
                SolveOptions.forIterations(20, 3).withThreads(1));
        dispatch.importPlan("IT", plan, now, DEPOT, List.copyOf(orders.values()));
        assertThat(dispatch.assignAll()).containsValue("DR1");
        return orders;
    }

    private void deliver(String stop, DeliveryOrder o, boolean withPhoto) throws Exception {
        clickOn(stop, "deliver");
        WebElement canvas = browser.findElement(By.id("sig"));
        new Actions(browser).moveToElement(canvas, -100, 10).clickAndHold().moveByOffset(30, -25)
                .moveByOffset(40, 30).moveByOffset(50, -20).release().perform();
        if (withPhoto) {
            BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, x * 47 / 63, 0xFF8800);
            }
            Path file = dir.resolve("door-" + stop + ".png");
            ImageIO.write(img, "png", file.toFile());
            browser.findElement(By.id("photo")).sendKeys(file.toAbsolutePath().toString());
            await().atMost(Duration.ofSeconds(5)).until(() -> browser.findElement(By.id("photo-preview")).isDisplayed());
        }
        WebElement scan = browser.findElement(By.id("scan"));
        for (String sscc : o.ssccs()) {
            // A keyboard-wedge scanner types the AI and the digits, then Enter.
            scan.sendKeys("00" + sscc + Keys.ENTER);
        }
        assertThat(browser.findElements(By.cssSelector("#packages li.done"))).hasSize(o.ssccs().size());
        browser.findElement(By.id("confirm-deliver")).click();
        awaitStopStatus(stop, "DELIVERED");
    }

    private JsonNode resend(String queueJson) throws Exception {
        Object answer = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('../api/dispatch/session').then(r => r.json()).then(s => fetch('../api/dispatch/actions',"
                + " {method: 'POST', headers: {'Content-Type': 'application/json', 'X-CSRF-Token': s.csrfToken},"
                + " body: JSON.stringify({actions: JSON.parse(arguments[0])})})).then(r => r.text()).then(done,"
                + " e => done(String(e)));", queueJson);
        return json.readTree((String) answer);
    }

    private void logIn(String badge, String pin) {
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("login")).isDisplayed());
        browser.findElement(By.id("login-badge")).clear();
        browser.findElement(By.id("login-badge")).sendKeys(badge);
        browser.findElement(By.id("login-pin")).sendKeys(pin);
        browser.findElement(By.id("login-submit")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElement(By.id("login")).isDisplayed());
    }

    private void clickOn(String stop, String button) {
        // The list is drawn again whenever the day changes (a position, a refresh): find and click as one step.
        await().atMost(Duration.ofSeconds(5)).ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
                .until(() -> {
                    browser.findElement(By.cssSelector("li.stop[data-stop='" + stop + "'] button." + button)).click();
                    return true;
                });
    }

    private void awaitStopStatus(String stop, String status) {
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> status.equals(browser.findElement(
                By.cssSelector("li.stop[data-stop='" + stop + "']")).getAttribute("data-status")));
    }

    private void awaitText(String css, String status) {
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> status.equals(
                browser.findElement(By.cssSelector(css)).getAttribute("data-status")));
    }

    private void moveTo(GeoPoint p) {
        browser.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", p.lat(), "longitude",
                p.lon(), "accuracy", 5));
    }

    private void setOffline(boolean offline) {
        ChromiumNetworkConditions c = new ChromiumNetworkConditions();
        c.setOffline(offline);
        c.setLatency(Duration.ZERO);
        c.setDownloadThroughput(-1);
        c.setUploadThroughput(-1);
        browser.setNetworkConditions(c);
    }

    private static String routeStatus(Dispatch dispatch) throws Exception {
        return dispatch.driverDay("DR1").path("routes").get(0).path("status").asText();
    }

    private static String stopStatus(Dispatch dispatch, String stop) throws Exception {
        return dispatch.stopDetail(stop).path("status").asText();
    }

    private ChromeDriver chromium() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")), "--window-size=500,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
