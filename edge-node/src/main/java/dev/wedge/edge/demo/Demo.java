package dev.wedge.edge.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.app.EdgeNode;
import dev.wedge.edge.config.ConfigException;
import dev.wedge.edge.config.ConfigReader;
import dev.wedge.edge.config.EdgeConfig;
import dev.wedge.label.virtual.VirtualZebraPrinter;
import dev.wedge.sync.hq.HqServer;
import dev.wedge.sync.hq.HqSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole Wedge demo in one JVM: an HQ server, a virtual Zebra printer, a serial scanner simulated on a
 * pty pair, and an edge node wired to all three, with a seeded sample warehouse.
 */
public final class Demo implements AutoCloseable {

    public static final String NODE_ID = "WH-DEMO";

    private final Path dir;
    private final int edgePort;
    private final int hqPort;
    private final ObjectMapper json = new ObjectMapper();
    private HqServer hq;
    private VirtualZebraPrinter printer;
    private PtyPair pty;
    private EdgeNode edge;
    private Map<String, String> handheldUsers = Map.of();
    private boolean closed;

    /** @param dir the demo's data folder; it is emptied first, so each run starts from the same warehouse */
    public Demo(Path dir, int edgePort, int hqPort) {
        this.dir = dir;
        this.edgePort = edgePort;
        this.hqPort = hqPort;
    }

    public Demo start() throws Exception {
        wipe(dir);
        Files.createDirectories(dir);
        hq = new HqServer(new HqSettings("127.0.0.1", hqPort,
                "jdbc:derby:" + dir.resolve("hq").toAbsolutePath() + ";create=true"));
        int boundHq = hq.start();
        printer = new VirtualZebraPrinter();
        int printerPort = printer.start(0);
        pty = PtyPair.open(dir.resolve("pty"), "recv-1");
        edge = new EdgeNode(config(boundHq, printerPort), Clock.systemUTC()).start();
        DemoWarehouse.seed(edge.database());
        handheldUsers = HandheldDemo.prepare(edge, NODE_ID);
        return this;
    }

    private EdgeConfig config(int boundHq, int printerPort) throws ConfigException {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("node.id", NODE_ID);
        c.put("data.dir", dir.toString());
        c.put("web.port", Integer.toString(edgePort));
        c.put("hq.url", "http://127.0.0.1:" + boundHq + "/");
        // The GS1 example company prefix, for SSCCs of units that arrive without one.
        c.put("gs1.companyPrefix", "0614141");
        c.put("receiving.location", "RECEIVING");
        c.put("receiving.printer", "dock-1");
        c.put("receiving.shipFrom", "Wedge demo DC, Dock 1");
        c.put("scanner.recv-1.port", pty.device().toString());
        c.put("scanner.recv-1.role", "receiving");
        c.put("printer.dock-1.host", "127.0.0.1");
        c.put("printer.dock-1.port", Integer.toString(printerPort));
        return ConfigReader.from(c);
    }

    /** Feeds every sample scan through the simulated scanner. */
    public List<DemoScan> feedSamples(Duration pause) throws IOException, InterruptedException {
        List<DemoScan> scans = DemoScan.samples();
        new ScanFeeder(pty.feed(), pause).feed(scans.stream().map(DemoScan::frame).toList());
        return scans;
    }

    /**
     * Waits until every fed scan is stored, no label is still queued and HQ has acknowledged every outbox
     * record, or the timeout passes.
     *
     * @return whether the run settled in time
     */
    public boolean awaitSettled(int scans, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (count("SELECT COUNT(*) FROM scan") >= scans
                    && count("SELECT COUNT(*) FROM label_job WHERE status = 'QUEUED'") == 0
                    && edge.outboxBacklog() == 0) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** The one-object summary {@code ./wedge demo --once} prints. */
    public ObjectNode summary() throws Exception {
        ObjectNode s = json.createObjectNode();
        s.put("scansAccepted", count("SELECT COUNT(*) FROM scan WHERE outcome = 'ACCEPTED'"));
        s.put("scansRejected", count("SELECT COUNT(*) FROM scan WHERE outcome = 'REJECTED'"));
        ArrayNode rejections = s.putArray("rejections");
        try (Connection c = edge.database().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT symbology, data, reason_code, reason FROM scan"
                     + " WHERE outcome = 'REJECTED' ORDER BY scan_id")) {
            while (rs.next()) {
                ObjectNode r = rejections.addObject();
                r.put("scan", rs.getString(1) + rs.getString(2).replace("\u001d", "<GS>"));
                r.put("code", rs.getString(3));
                r.put("reason", rs.getString(4));
            }
        }
        s.put("labelsPrinted", printer.labels().size());
        s.put("edgeMovements", count("SELECT COUNT(*) FROM stock_movement"));
        s.put("hqMovements", hqMovements());
        s.put("outboxBacklog", edge.outboxBacklog());
        s.put("edgeUrl", edge.webUri().toString());
        s.put("hqUrl", hq.uri().toString());
        return s;
    }

    /** Movements HQ holds for this warehouse, read from HQ's own API. */
    long hqMovements() throws IOException, InterruptedException {
        return HqRecords.all(hq.uri(), NODE_ID).stream().filter(r -> "movement".equals(r.kind())).count();
    }

    /** The demo's handheld users: badge to (random) PIN. */
    public Map<String, String> handheldUsers() {
        return handheldUsers;
    }

    public URI edgeUri() {
        return edge.webUri();
    }

    public URI hqUri() {
        return hq.uri();
    }

    private long count(String sql) throws SQLException {
        try (Connection c = edge.database().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Stops everything; safe to call twice (from a shutdown hook and the normal path). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (edge != null) {
            edge.close();
        }
        if (pty != null) {
            pty.close();
        }
        if (printer != null) {
            printer.stop();
        }
        if (hq != null) {
            hq.stop();
        }
    }

    private static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
