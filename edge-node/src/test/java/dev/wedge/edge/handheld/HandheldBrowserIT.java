package dev.wedge.edge.handheld;

import static dev.wedge.edge.demo.HandheldSample.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wedge.edge.auth.Role;
import dev.wedge.edge.floor.Jdbc;
import dev.wedge.edge.web.NodeTestBed;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The handheld app in headless Chromium on a whole edge node: a picker picks the sample wave of three orders,
 * a packer packs and prints every order, a dock worker loads the truck. The three steps are one shift, so they
 * run in order on the same node; each screen is saved to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HandheldBrowserIT {

    private static NodeTestBed bed;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "needs Debian's chromium and chromium-driver (see .ci/run)");
        bed = new NodeTestBed();
        browser = new Browser();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    @Order(1)
    void aPickerLogsInByBadgeAndPicksAWaveRefusingAWrongLocationAndAnExpiredLotWithOneShortPick() throws Exception {
        browser.login(bed.uri(), NodeTestBed.BADGES.get(Role.PICKER), NodeTestBed.pin(Role.PICKER));
        browser.screenshot("01-picker-menu");
        browser.id("menu-pick").click();
        browser.waitForScreen("waves");
        browser.screenshot("02-waves");
        browser.id("wave-1").click();
        browser.waitForScreen("pick");
        browser.screenshot("03-pick-location");
        List<String> refusals = new ArrayList<>();
        boolean shorted = false;
        int scans = 0;
        while (!"wave-done".equals(browser.driver.findElement(org.openqa.selenium.By.tagName("body"))
                .getDomAttribute("data-screen")) && scans++ < 60) {
            String location = browser.text("task-location");
            String sku = browser.text("task-sku");
            String order = browser.text("task-order");
            int remaining = Integer.parseInt(browser.text("task-remaining"));
            String step = browser.id("task-step").getDomAttribute("textContent") == null
                    ? browser.driver.executeScript("return document.getElementById('task-step').textContent").toString()
                    : browser.id("task-step").getDomAttribute("textContent");
            if ("LOCATION".equals(step)) {
                if (refusals.isEmpty()) {
                    assertThat(browser.scan(LOC_EMPTY)).isEqualTo("err");
                    refusals.add(browser.text("feedback"));
                    browser.screenshot("04-wrong-location-refused");
                }
                assertThat(browser.scan(location)).isEqualTo("ok");
            } else if ("ITEM".equals(step)) {
                if (SOAP.equals(sku) && "SO-1001".equals(order) && !shorted) {
                    browser.id("short-button").click();
                    browser.screenshot("07-short-reasons");
                    assertThat(browser.clickForFeedback("short-NOT_FOUND")).isEqualTo("ok");
                    shorted = true;
                    continue;
                }
                if (YOGHURT.equals(sku) && refusals.size() == 1) {
                    LocalDate expired = LocalDate.now().minusDays(2);
                    assertThat(browser.scan(itemString(YOGHURT_EACH, LOT_EXPIRED, expired))).isEqualTo("err");
                    refusals.add(browser.text("feedback"));
                    browser.screenshot("05-expired-lot-refused");
                }
                assertThat(browser.scan(itemBarcode(sku, remaining))).isEqualTo("ok");
                browser.screenshot("06-pick-quantity");
            } else {
                assertThat(browser.scan(Integer.toString(remaining))).isEqualTo("ok");
            }
        }
        browser.waitForScreen("wave-done");
        browser.screenshot("08-wave-done");

        assertThat(refusals).hasSize(2);
        assertThat(refusals.get(0)).contains("Wrong location", "Go to ");
        assertThat(refusals.get(1)).contains("Expired lot", LOT_EXPIRED, "pick lot " + LOT_SOON);
        assertThat(shorted).isTrue();
        assertThat(count("SELECT COUNT(*) FROM pick_task WHERE status = 'DONE'")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM pick_task WHERE status = 'SHORT'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM sync_outbox WHERE kind = 'short-pick'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE status = 'PICKED'")).isEqualTo(3);
    }

    private static String itemBarcode(String sku, int remaining) {
        return switch (sku) {
            case YOGHURT -> remaining >= 12 ? itemString(YOGHURT_CASE, LOT_SOON, null)
                    : itemString(YOGHURT_EACH, LOT_SOON, null);
            case WATER -> remaining >= 6 ? WATER_CASE : WATER_EACH;
            case SOAP -> SOAP_EACH;
            default -> throw new IllegalStateException("no barcode for " + sku);
        };
    }

    @Test
    @Order(2)
    void aPackerPacksEachOrderIntoACartonAndItsSsccLabelPrints() throws Exception {
        browser.driver.manage().deleteAllCookies();
        browser.login(bed.uri(), NodeTestBed.BADGES.get(Role.PACKER), NodeTestBed.pin(Role.PACKER));
        List<String> ssccs = new ArrayList<>();
        for (String order : List.of("SO-1001", "SO-1002", "SO-1003")) {
            if (ssccs.isEmpty()) {
                browser.id("menu-pack").click();
            } else {
                browser.id("pack-next").click();
            }
            browser.waitForScreen("pack-start");
            browser.screenshot("10-pack-start");
            assertThat(browser.scan(tote(order))).isEqualTo("ok");
            browser.waitForScreen("pack");
            for (String[] line : picked(order)) {
                for (String barcode : packBarcodes(line[0], line[1], Integer.parseInt(line[2]))) {
                    assertThat(browser.scan(barcode)).as(browser.text("feedback")).isEqualTo("ok");
                }
            }
            browser.screenshot("11-pack-" + order);
            assertThat(browser.clickForFeedback("pack-close")).isEqualTo("ok");
            browser.waitForScreen("pack-done");
            browser.screenshot("12-pack-done-" + order);
            ssccs.add(browser.text("pack-sscc"));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(bed.printer.labels())
                .allSatisfy(l -> assertThat(l.zpl()).contains("^XA")).hasSize(3));
        for (String sscc : ssccs) {
            assertThat(bed.printer.labels()).anySatisfy(l -> assertThat(l.zpl()).contains(sscc));
        }
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE status = 'PACKED'")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM sync_outbox WHERE kind = 'pack'")).isEqualTo(3);
    }

    private static List<String> packBarcodes(String sku, String lot, int quantity) {
        List<String> out = new ArrayList<>();
        int left = quantity;
        int pack = YOGHURT.equals(sku) ? 12 : WATER.equals(sku) ? 6 : 1;
        while (left >= pack && pack > 1) {
            out.add(YOGHURT.equals(sku) ? itemString(YOGHURT_CASE, lot, null) : WATER_CASE);
            left -= pack;
        }
        for (int i = 0; i < left; i++) {
            out.add(YOGHURT.equals(sku) ? itemString(YOGHURT_EACH, lot, null) : WATER.equals(sku) ? WATER_EACH : SOAP_EACH);
        }
        return out;
    }

    @Test
    @Order(3)
    void aDockWorkerLoadsTheTruckInSequenceAndAnOutOfSequencePalletIsRefused() throws Exception {
        browser.driver.manage().deleteAllCookies();
        browser.login(bed.uri(), NodeTestBed.BADGES.get(Role.DOCK), NodeTestBed.pin(Role.DOCK));
        browser.id("menu-load-truck").click();
        browser.waitForScreen("trucks");
        browser.screenshot("20-trucks");
        browser.id("truck-TRUCK-1").click();
        browser.waitForScreen("load");
        browser.screenshot("21-load");
        String firstStop = sscc("SO-1001");
        String expected = browser.text("load-next");
        assertThat(expected).isEqualTo(sscc("SO-1003"));

        assertThat(browser.scan("]C100" + firstStop)).isEqualTo("err");
        String refusal = browser.text("feedback");
        browser.screenshot("22-out-of-sequence-refused");
        for (int i = 0; i < 3; i++) {
            assertThat(browser.scan("]C100" + browser.text("load-next"))).isEqualTo("ok");
        }
        browser.screenshot("23-loaded");

        assertThat(refusal).contains("Out of sequence", firstStop, expected);
        assertThat(browser.text("load-next")).isEqualTo("All loaded");
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE status = 'LOADED'")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM sync_outbox WHERE kind = 'load'")).isEqualTo(3);
        assertThat(count("SELECT COALESCE(SUM(quantity), 0) FROM stock_on_hand WHERE location = 'PACKING'")).isZero();
    }

    @Test
    @Order(4)
    void aSupervisorSeesTheWaveTheShortPickAndThePrintedLabelsLive() throws Exception {
        browser.driver.manage().deleteAllCookies();
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1600));
        browser.driver.get(bed.uri().resolve("/supervisor/").toString());
        browser.wait.until(d -> browser.id("badge").isDisplayed());
        browser.id("badge").sendKeys(NodeTestBed.BADGES.get(Role.SUPERVISOR));
        browser.id("pin").sendKeys(NodeTestBed.pin(Role.SUPERVISOR) + org.openqa.selenium.Keys.ENTER);

        browser.wait.until(d -> browser.text("waves").contains("R1") && browser.text("followups").contains("NOT_FOUND")
                && browser.text("printers").contains("dock-1") && !browser.text("stock").isEmpty());
        browser.screenshot("30-supervisor");

        assertThat(browser.text("followups")).contains("SO-1001", SOAP);
        assertThat(browser.text("t-printed")).isEqualTo("3");
        assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector("#chart-picks rect"))).isNotEmpty();
    }

    @Test
    @Order(5)
    void aNewWaveArrivesOnTheOpenSupervisorViewByPushWithoutAReload() throws Exception {
        browser.wait.until(d -> "push".equals(feed()));
        var js = (org.openqa.selenium.JavascriptExecutor) browser.driver;
        // A reload would lose this mark; it is still there when the change has arrived.
        js.executeScript("window.wedgeSameDocument = true;");
        assertThat(browser.text("waves")).doesNotContain("R-LIVE");

        bed.node.floor().orders().receive(new dev.wedge.edge.picking.Order("SO-LIVE", "Late shop", "R-LIVE", 1,
                java.time.Instant.now().plus(Duration.ofHours(3)), "DOCK-9",
                List.of(new dev.wedge.edge.picking.Order.Line(CHARGER, 1))));
        bed.node.floor().waves().planWaves();

        await().atMost(Duration.ofSeconds(5)).until(() -> browser.text("waves").contains("R-LIVE"));
        browser.screenshot("31-supervisor-pushed-wave");
        assertThat(js.executeScript("return window.wedgeSameDocument === true;")).isEqualTo(true);
        assertThat(feed()).isEqualTo("push");
    }

    @Test
    @Order(6)
    void withoutTheStreamTheViewPollsAndGoesBackToPushWhenTheStreamIsReachableAgain() throws Exception {
        // The browser refuses the stream's URL from the start of a new page load, as a proxy that drops it would.
        browser.driver.executeCdpCommand("Network.enable", java.util.Map.of());
        browser.driver.executeCdpCommand("Network.setBlockedURLs", java.util.Map.of("urls",
                List.of("*/api/supervisor/stream*")));
        browser.driver.navigate().refresh();
        await().atMost(Duration.ofSeconds(10)).until(() -> "polling".equals(feed()));
        var js = (org.openqa.selenium.JavascriptExecutor) browser.driver;
        js.executeScript("window.wedgeSameDocument = true;");

        bed.node.floor().orders().receive(new dev.wedge.edge.picking.Order("SO-POLL", "Polled shop", "R-POLL", 1,
                java.time.Instant.now().plus(Duration.ofHours(3)), "DOCK-9",
                List.of(new dev.wedge.edge.picking.Order.Line(CHARGER, 1))));
        bed.node.floor().waves().planWaves();

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.text("waves").contains("R-POLL"));
        assertThat(feed()).isEqualTo("polling");
        browser.driver.executeCdpCommand("Network.setBlockedURLs", java.util.Map.of("urls", List.of()));
        await().atMost(Duration.ofSeconds(40)).until(() -> "push".equals(feed()));
        assertThat(js.executeScript("return window.wedgeSameDocument === true;")).isEqualTo(true);
    }

    private static String feed() {
        return browser.driver.findElement(org.openqa.selenium.By.tagName("body")).getAttribute("data-feed");
    }

    private static long count(String sql) throws Exception {
        return bed.node.floor().tx().read(c -> Jdbc.count(c, sql));
    }

    private static String tote(String order) throws Exception {
        return bed.node.floor().tx().read(c -> Jdbc.one(c, "SELECT tote FROM customer_order WHERE order_id = ?",
                rs -> rs.getString(1), order)).orElseThrow();
    }

    private static String sscc(String order) throws Exception {
        return bed.node.floor().tx().read(c -> Jdbc.one(c, "SELECT sscc FROM pack_unit WHERE order_id = ?",
                rs -> rs.getString(1), order)).orElseThrow();
    }

    private static List<String[]> picked(String order) throws Exception {
        return bed.node.floor().tx().read(c -> Jdbc.list(c, "SELECT sku, lot_number, SUM(picked) FROM pick_task"
                + " WHERE order_id = ? AND picked > 0 GROUP BY sku, lot_number ORDER BY sku", rs -> new String[]{
                rs.getString(1), rs.getString(2), Integer.toString(rs.getInt(3))}, order));
    }
}
