package dev.wedge.edge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wedge.edge.config.ConfigReader;
import dev.wedge.edge.config.EdgeConfig;
import dev.wedge.edge.demo.DemoScan;
import dev.wedge.edge.demo.DemoWarehouse;
import dev.wedge.edge.demo.HqRecords;
import dev.wedge.edge.demo.PtyPair;
import dev.wedge.label.virtual.ReceivedLabel;
import dev.wedge.label.virtual.VirtualZebraPrinter;
import dev.wedge.scanner.gs1.CheckDigit;
import dev.wedge.sync.hq.HqServer;
import dev.wedge.sync.hq.HqSettings;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end: scans written into a real pty pair become stock, printed labels and
 * exactly one HQ record per movement, also when HQ is down for part of the run.
 */
class ReceivingFlowIT {

    private static final Pattern FIELD = Pattern.compile("\\^FD(.*?)\\^FS", Pattern.DOTALL);
    private static final Pattern BARCODE_FIELD = Pattern.compile("\\^BC[^\\^]*\\^FH_?\\^FD(.*?)\\^FS", Pattern.DOTALL);

    // Printer commands, the escape character, a lone backslash and accents: all must print as text.
    private static final String SHIP_FROM = "Dock ^XZ^XA ~JR _04 \\ Café Ålesund";

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void scansOnARealSerialLineBecomeStockLabelsAndExactlyOneHqRecordEachAcrossAnHqRestart() throws Exception {
        HqSettings hqSettings = new HqSettings("127.0.0.1", 0, "jdbc:derby:" + dir.resolve("hq") + ";create=true");
        HqServer hq = new HqServer(hqSettings);
        int hqPort = hq.start();
        VirtualZebraPrinter printer = new VirtualZebraPrinter();
        int printerPort = printer.start(0);
        open.add(printer::stop);
        PtyPair pty = PtyPair.open(dir.resolve("pty"), "recv-1");
        open.add(pty);
        EdgeNode edge = new EdgeNode(config(hqPort, printerPort, pty), Clock.systemUTC()).start();
        open.add(edge);
        DemoWarehouse.seed(edge.database());

        List<DemoScan> samples = DemoScan.samples();
        try (OutputStream feed = Files.newOutputStream(pty.feed())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> edge.scannerStatuses().get(0).up());
            // The first frame and the start of the second in one write: once the first is stored, the reader
            // has consumed that write, so the rest of the second frame arrives in a later read.
            String split = samples.get(1).frame() + "\r\n";
            write(feed, samples.get(0).frame() + "\r\n" + split.substring(0, 9));
            await().atMost(Duration.ofSeconds(10)).until(() -> count(edge, "SELECT COUNT(*) FROM scan") == 1);
            write(feed, split.substring(9));
            // Two frames in one write, the second ended by a bare LF.
            write(feed, samples.get(2).frame() + "\r\n" + samples.get(3).frame() + "\n");
            for (DemoScan s : samples.subList(4, samples.size())) {
                write(feed, s.frame() + "\r\n");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> count(edge, "SELECT COUNT(*) FROM scan") == samples.size());
            await().atMost(Duration.ofSeconds(20)).until(() -> edge.outboxBacklog() == 0);

            // HQ goes away; the floor keeps receiving.
            hq.stop();
            for (int i = 1; i <= 5; i++) {
                write(feed, "]C1" + "0112345678901231" + "10" + "AFTER" + i + "\r\n");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> count(edge, "SELECT COUNT(*) FROM scan") == samples.size() + 5);
            assertThat(edge.outboxBacklog()).isEqualTo(5);

            hq = new HqServer(new HqSettings("127.0.0.1", hqPort, hqSettings.jdbcUrl()));
            hq.start();
            open.add(hq::stop);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> edge.outboxBacklog() == 0);

        assertOutcomesAsExpected(edge, samples);
        assertStock(edge);
        assertLabels(edge, printer);
        assertHqHoldsEachMovementOnce(edge, hq);
    }

    private void assertOutcomesAsExpected(EdgeNode edge, List<DemoScan> samples) throws SQLException {
        List<String> outcomes = new ArrayList<>();
        try (Connection c = edge.database().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT outcome, reason_code, reason FROM scan ORDER BY scan_id")) {
            while (rs.next()) {
                outcomes.add("ACCEPTED".equals(rs.getString(1)) ? "ACCEPTED" : rs.getString(2));
                if ("REJECTED".equals(rs.getString(1))) {
                    assertThat(rs.getString(3)).isNotBlank();
                }
            }
        }
        List<String> expected = new ArrayList<>(samples.stream().map(DemoScan::expect).toList());
        for (int i = 0; i < 5; i++) {
            expected.add("ACCEPTED");
        }
        assertThat(outcomes).containsExactlyElementsOf(expected);
    }

    private void assertStock(EdgeNode edge) throws SQLException {
        Map<String, Long> onHand = new TreeMap<>();
        try (Connection c = edge.database().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sku, lot_number, location, quantity FROM stock_on_hand")) {
            while (rs.next()) {
                onHand.put(rs.getString(1) + "/" + rs.getString(2) + "@" + rs.getString(3), rs.getLong(4));
            }
        }
        Map<String, Long> expected = new TreeMap<>(Map.of(
                "WIDGET-A/ABC123@RECEIVING", 1L,
                "CRATE-B/@RECEIVING", 123L,
                "BOLTS-C/@RECEIVING", 1L,
                "CRATE-B/12345@RECEIVING", 1L,
                "WIDGET-A/LOT-7@RECEIVING", 40L));
        for (int i = 1; i <= 5; i++) {
            expected.put("CRATE-B/AFTER" + i + "@RECEIVING", 1L);
        }
        assertThat(onHand).isEqualTo(expected);
        // The ledger explains every unit on hand.
        assertThat(count(edge, "SELECT SUM(quantity) FROM stock_movement"))
                .isEqualTo(count(edge, "SELECT SUM(quantity) FROM stock_on_hand"));
    }

    private void assertLabels(EdgeNode edge, VirtualZebraPrinter printer) throws SQLException {
        await().atMost(Duration.ofSeconds(10)).until(() -> printer.labels().size() == 10);
        Set<String> printedSsccs = new TreeSet<>();
        for (ReceivedLabel label : printer.labels()) {
            Matcher fields = FIELD.matcher(label.zpl());
            while (fields.find()) {
                assertThat(fields.group(1)).as("field data").doesNotContain("^", "~");
            }
            assertThat(label.fieldTexts()).as("decoded fields").anyMatch(t -> t.contains(SHIP_FROM));
            // The SSCC symbol is the GS1-128 barcode whose element string is AI (00) alone.
            Matcher barcode = BARCODE_FIELD.matcher(label.zpl());
            String sscc = null;
            while (barcode.find()) {
                String digits = barcode.group(1).replaceAll("\\D", "");
                if (digits.startsWith("800") && digits.length() == 21) {
                    sscc = digits.substring(3);
                }
            }
            assertThat(sscc).as("an SSCC barcode (FNC1, AI 00, 18 digits) in " + label.zpl()).isNotNull();
            assertThat(CheckDigit.isValid(sscc)).as(sscc).isTrue();
            printedSsccs.add(sscc);
        }
        Set<String> bookedSsccs = new TreeSet<>();
        try (Connection c = edge.database().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sscc FROM handling_unit")) {
            while (rs.next()) {
                bookedSsccs.add(rs.getString(1));
            }
        }
        assertThat(printedSsccs).isEqualTo(bookedSsccs).contains("123456789012345675");
        assertThat(count(edge, "SELECT COUNT(*) FROM label_status WHERE status = 'PRINTED'")).isEqualTo(10);
    }

    private void assertHqHoldsEachMovementOnce(EdgeNode edge, HqServer hq) throws Exception {
        Map<Long, String> edgeSsccBySeq = new HashMap<>();
        try (Connection c = edge.database().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT outbox_seq, sscc FROM stock_movement")) {
            while (rs.next()) {
                edgeSsccBySeq.put(rs.getLong(1), rs.getString(2));
            }
        }
        List<HqRecords.Record> atHq = HqRecords.all(hq.uri(), "WH-IT");
        Map<Long, String> hqSsccBySeq = new HashMap<>();
        for (HqRecords.Record r : atHq) {
            assertThat(r.kind()).isEqualTo("movement");
            assertThat(r.key()).isEqualTo("WH-IT:" + r.seq());
            hqSsccBySeq.put(r.seq(), r.payload().path("sscc").asText());
        }
        assertThat(atHq).hasSize(10);
        assertThat(hqSsccBySeq).isEqualTo(edgeSsccBySeq);
        // Exactly once, not just at one instant: no late duplicate arrives while the forwarder keeps running.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> HqRecords.all(hq.uri(), "WH-IT").size() == 10);
    }

    private static void write(OutputStream out, String text) throws java.io.IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static long count(EdgeNode edge, String sql) throws SQLException {
        try (Connection c = edge.database().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private EdgeConfig config(int hqPort, int printerPort, PtyPair pty) throws Exception {
        Map<String, String> c = new HashMap<>();
        c.put("node.id", "WH-IT");
        c.put("db.url", "jdbc:derby:memory:edge-it-" + UUID.randomUUID() + ";create=true");
        c.put("web.port", "0");
        c.put("hq.url", "http://127.0.0.1:" + hqPort + "/");
        c.put("hq.maxBackoffMillis", "500");
        c.put("gs1.companyPrefix", "0614141");
        c.put("receiving.printer", "dock-1");
        c.put("receiving.shipFrom", SHIP_FROM);
        c.put("scanner.recv-1.port", pty.device().toString());
        c.put("printer.dock-1.host", "127.0.0.1");
        c.put("printer.dock-1.port", Integer.toString(printerPort));
        return ConfigReader.from(c);
    }
}
