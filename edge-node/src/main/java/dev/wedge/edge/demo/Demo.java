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

    private static final String MARKER = ".wedge-demo";

    private final Path dir;
    private final int edgePort;
    private final int hqPort;
    private final ObjectMapper json = new ObjectMapper();
    private HqServer hq;
    private dev.wedge.edge.dispatch.hq.HqDispatch hqDispatch;
    private VirtualZebraPrinter printer;
    private PtyPair pty;
    private EdgeNode edge;
    private DemoSortation sorter;
    private Map<String, String> handheldUsers = Map.of();
    private boolean closed;

    /** @param dir the demo's data folder; it is emptied first, so each run starts from the same warehouse */
    public Demo(Path dir, int edgePort, int hqPort) {
        this.dir = dir;
        this.edgePort = edgePort;
        this.hqPort = hqPort;
    }

    /** Starts everything; on failure stops what was already started and rethrows. */
    public Demo start() throws Exception {
        try {
            startAll();
            return this;
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        wipe(dir);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), "Wedge demo data: emptied at every ./wedge demo start.\n");
        hq = new HqServer(new HqSettings("127.0.0.1", hqPort,
                "jdbc:derby:" + dir.resolve("hq").toAbsolutePath() + ";create=true"));
        hqDispatch = new dev.wedge.edge.dispatch.hq.HqDispatch("jdbc:derby:" + dir.resolve("hq-dispatch")
                .toAbsolutePath() + ";create=true", Clock.systemUTC());
        hq.mount(hqDispatch.handler());
        int boundHq = hq.start();
        hqDispatch.start(hq.store(), Duration.ofMillis(500));
        printer = new VirtualZebraPrinter();
        int printerPort = printer.start(0);
        pty = PtyPair.open(dir.resolve("pty"), "recv-1");
        sorter = DemoSortation.start(dir.resolve("conveyor"), NODE_ID);
        edge = new EdgeNode(config(boundHq, printerPort), Clock.systemUTC()).start();
        // Master data comes from HQ, as in a deployment: published there, pulled by the edge.
        DemoWarehouse.publish(hq.store(), NODE_ID);
        awaitProducts(Duration.ofSeconds(30));
        dev.wedge.edge.dispatch.SampleDay.seed(edge.dispatch(), Instant.now(), "0614141");
        DemoSortation.seed(edge.database());
        handheldUsers = HandheldDemo.prepare(edge, NODE_ID);
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
        c.putAll(sorter.config(NODE_ID));
        return ConfigReader.from(c);
    }

    private void awaitProducts(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (count("SELECT COUNT(*) FROM product") < DemoWarehouse.productCount()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("the edge did not receive the sample products from HQ within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    /** Feeds every sample scan through the simulated scanner. */
    public List<DemoScan> feedSamples(Duration pause) throws IOException, InterruptedException {
        List<DemoScan> scans = DemoScan.samples();
        new ScanFeeder(pty.feed(), pause).feed(scans.stream().map(DemoScan::frame).toList());
        awaitConveyorLink(Duration.ofSeconds(30));
        sorter.feedSamples();
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
                    && count("SELECT COUNT(*) FROM label_status WHERE status IN ('QUEUED', 'HELD')") == 0
                    && edge.outboxBacklog() == 0) {
                // The sample parcels pass their divert points within a second or two; their outcome is part of
                // the summary but does not decide whether the run settled.
                while (!sorter.samplesDone() && Instant.now().isBefore(deadline.plusSeconds(10))) {
                    Thread.sleep(50);
                }
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
        s.put("conveyorParcels", sorter.sampleCount());
        s.put("conveyorSorted", sorter.samplesSorted());
        s.put("conveyorEndpoint", sorter.endpoint());
        s.put("edgeUrl", edge.webUri().toString());
        s.put("driverAppUrl", edge.webUri().resolve("/driver/").toString());
        s.put("dispatchUrl", edge.webUri().resolve("/dispatch/").toString());
        s.put("hqUrl", hq.uri().toString());
        s.put("hqDriverAppUrl", hq.uri() + "/warehouses/" + NODE_ID + "/driver/");
        return s;
    }

    /** Movements HQ holds for this warehouse, read from HQ's own API. */
    long hqMovements() throws IOException, InterruptedException {
        return HqRecords.all(hq.uri(), NODE_ID).stream().filter(r -> "movement".equals(r.kind())).count();
    }

    /** Waits until the edge has its session to the simulated sorter (parcels scanned before would go unsorted). */
    private void awaitConveyorLink(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && !edge.conveyors().links().get(0).connected()) {
            Thread.sleep(50);
        }
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
        if (sorter != null) {
            sorter.close();
        }
        if (printer != null) {
            printer.stop();
        }
        if (hqDispatch != null) {
            hqDispatch.close();
        }
        if (hq != null) {
            hq.stop();
        }
    }

    /** Empties a folder the demo made before (it holds the marker file); refuses any other non-empty folder. */
    private static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException("demo data folder " + dir + " is a file, not a folder");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent() && !Files.exists(dir.resolve(MARKER))) {
                throw new IOException("demo data folder " + dir + " is not empty and was not made by the demo"
                        + " (no " + MARKER + " in it); choose another --data folder");
            }
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
