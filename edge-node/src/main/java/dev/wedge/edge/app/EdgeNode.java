package dev.wedge.edge.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.config.EdgeConfig;
import dev.wedge.edge.db.EdgeDatabase;
import dev.wedge.edge.labels.LabelJobs;
import dev.wedge.edge.receiving.ReceivingService;
import dev.wedge.edge.routes.ReceivingRoutes;
import dev.wedge.edge.auth.PinHasher;
import dev.wedge.edge.auth.Sessions;
import dev.wedge.edge.packing.PackService;
import dev.wedge.edge.routes.PackingLabelRoutes;
import dev.wedge.edge.web.HandheldScans;
import dev.wedge.edge.web.HandheldWeb;
import dev.wedge.edge.web.StatusQueries;
import dev.wedge.edge.web.WebServer;
import dev.wedge.scanner.wedge.WedgeSettings;
import dev.wedge.label.camel.ZebraComponent;
import dev.wedge.scanner.ScannerStatus;
import dev.wedge.scanner.camel.ScannerComponent;
import dev.wedge.sync.edge.ForwarderSettings;
import dev.wedge.sync.edge.ForwarderStatus;
import dev.wedge.sync.edge.JdbcOutbox;
import dev.wedge.sync.edge.OutboxForwarder;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One warehouse's edge node: the one place that starts things in order (database and migrations, Camel with
 * its device components and routes, the HQ forwarder, the web server) and stops them in reverse.
 */
public final class EdgeNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeNode.class);

    private final EdgeConfig config;
    private final Clock clock;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final ObjectMapper json = new ObjectMapper();
    private EdgeDatabase database;
    private CamelContext camel;
    private ScannerComponent scanners;
    private OutboxForwarder forwarder;
    private WebServer web;
    private JdbcOutbox outbox;
    private LabelJobs labels;
    private FloorServices floor;
    private Sessions sessions;

    public EdgeNode(EdgeConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Starts everything; on failure stops what was already started and rethrows. */
    public EdgeNode start() throws Exception {
        try {
            startDatabase();
            startCamel();
            startForwarder();
            startWeb();
            started.push(web::stop);
            LOG.info("edge node {} started: {}", config.nodeId(), web.uri());
            return this;
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private void startWeb() throws Exception {
        EdgeConfig.Handheld hh = config.handheld();
        ProducerTemplate printing = camel.createProducerTemplate();
        started.push(printing::close);
        floor = FloorServices.create(database, outbox, labels, jobId -> {
            if (!hh.packingPrinter().isEmpty()) {
                printing.sendBodyAndHeader(PackingLabelRoutes.queue(), "", ReceivingRoutes.JOB_ID, jobId);
            }
        }, new FloorServices.Settings(config.receiving().location(), hh.packingLocation(), new PackService.Settings(
                config.gs1().extensionDigit(), config.gs1().companyPrefix(), hh.packingPrinter(),
                config.receiving().shipFrom())), new PinHasher(), clock);
        sessions = new Sessions(clock, hh.sessionIdle(), hh.sessionMax());
        HandheldScans scans = new HandheldScans(new WedgeSettings(hh.gsSubstitutes(), "", "", hh.duplicateWindow()),
                clock);
        web = HandheldWeb.create(config.web().host(), config.web().port(), floor, sessions, scans, this::status,
                config.printers().stream().map(EdgeConfig.Printer::id).toList(), clock);
        web.start();
    }

    private void startDatabase() throws SQLException {
        database = new EdgeDatabase(config.jdbcUrl());
        database.migrate();
        started.push(database);
        ensureLocation(config.receiving().location(), "RECEIVING", "Receiving area");
        outbox = new JdbcOutbox(config.nodeId());
    }

    private void ensureLocation(String code, String kind, String description) throws SQLException {
        try (Connection c = database.getConnection(); var ps = c.prepareStatement(
                "INSERT INTO location (code, kind, description) SELECT ?, ?, ? FROM SYSIBM.SYSDUMMY1"
                        + " WHERE NOT EXISTS (SELECT 1 FROM location WHERE code = ?)")) {
            ps.setString(1, code);
            ps.setString(2, kind);
            ps.setString(3, description);
            ps.setString(4, code);
            ps.executeUpdate();
        }
    }

    private void startCamel() throws Exception {
        labels = new LabelJobs(database, clock);
        ReceivingService receiving = new ReceivingService(database, outbox, config.gs1(), config.receiving(), labels,
                clock);
        // Collected before the routes start, so jobs queued by new scans are not sent twice.
        List<LabelJobs.LabelJob> leftOver = labels.queued();
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("wedge-" + config.nodeId());
        scanners = new ScannerComponent();
        camel.addComponent("scanner", scanners);
        ZebraComponent zebra = new ZebraComponent();
        for (EdgeConfig.Printer p : config.printers()) {
            zebra.addPrinter(p.id(), p.host(), p.port());
        }
        camel.addComponent("zebra", zebra);
        camel.addRoutes(new ReceivingRoutes(config.scanners(), config.receiving().printer(), receiving, labels));
        String packingPrinter = config.handheld().packingPrinter();
        if (!packingPrinter.isEmpty()) {
            camel.addRoutes(new PackingLabelRoutes(packingPrinter, labels));
        }
        camel.start();
        started.push(camel::stop);
        if (!leftOver.isEmpty()) {
            LOG.info("resending {} label job(s) left queued by the last run", leftOver.size());
            ProducerTemplate template = camel.createProducerTemplate();
            for (LabelJobs.LabelJob job : leftOver) {
                boolean packing = !packingPrinter.isEmpty() && job.printerId().equals(packingPrinter)
                        && !packingPrinter.equals(config.receiving().printer());
                template.sendBodyAndHeader(packing ? PackingLabelRoutes.queue() : ReceivingRoutes.printQueue(), "",
                        ReceivingRoutes.JOB_ID, job.jobId());
            }
            template.close();
        }
    }

    private void startForwarder() {
        if (config.hq().isEmpty()) {
            LOG.warn("no hq.url configured: movements stay in the outbox until one is");
            return;
        }
        EdgeConfig.Hq hq = config.hq().get();
        ForwarderSettings defaults = ForwarderSettings.defaults();
        forwarder = new OutboxForwarder(database, config.nodeId(), hq.baseUri(), new ForwarderSettings(
                hq.batchSize(), hq.pollInterval(), defaults.minBackoff(), hq.maxBackoff()));
        forwarder.start();
        started.push(forwarder::stop);
    }

    /** The floor's domain services (orders, picking, packing, loading, inbound, counts, users). */
    public FloorServices floor() {
        return floor;
    }

    public Sessions sessions() {
        return sessions;
    }

    public EdgeDatabase database() {
        return database;
    }

    public URI webUri() {
        return web.uri();
    }

    public List<ScannerStatus> scannerStatuses() {
        return scanners.statuses();
    }

    public Optional<ForwarderStatus> forwarderStatus() {
        return Optional.ofNullable(forwarder).map(OutboxForwarder::status);
    }

    public long outboxBacklog() throws SQLException {
        try (Connection c = database.getConnection()) {
            return outbox.backlog(c);
        }
    }

    /** The document served at {@code /api/status}. */
    public ObjectNode status() throws SQLException {
        ObjectNode s = json.createObjectNode();
        s.put("nodeId", config.nodeId());
        ArrayNode list = s.putArray("scanners");
        for (ScannerStatus st : scanners.statuses()) {
            ObjectNode n = list.addObject();
            n.put("scannerId", st.scannerId());
            n.put("up", st.up());
            n.put("frames", st.frames());
            n.put("rejectedFrames", st.rejectedFrames());
            n.put("lastError", st.lastError());
            n.put("lastFrameAt", st.lastFrameAt() == null ? null : st.lastFrameAt().toString());
        }
        s.setAll(new StatusQueries(database).floor(json, 20));
        ObjectNode o = s.putObject("outbox");
        o.put("backlog", outboxBacklog());
        forwarderStatus().ifPresent(f -> {
            o.put("hqReachable", f.hqReachable());
            o.put("lastAckAt", f.lastAckAt() == null ? null : f.lastAckAt().toString());
            o.put("lastError", f.lastError());
        });
        return s;
    }

    /** Stops everything in reverse order of starting. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable c = started.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", c, e.toString());
            }
        }
    }
}
