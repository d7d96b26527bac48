package dev.wedge.edge.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.config.EdgeConfig;
import dev.wedge.edge.conveyor.route.Conveyors;
import dev.wedge.edge.db.EdgeDatabase;
import dev.wedge.edge.dispatch.Dispatch;
import dev.wedge.edge.dispatch.web.DispatchAccess;
import dev.wedge.edge.dispatch.web.DispatchHandler;
import dev.wedge.edge.labels.LabelJobs;
import dev.wedge.edge.receiving.ReceivingService;
import dev.wedge.edge.routes.ReceivingRoutes;
import dev.wedge.edge.auth.PinHasher;
import dev.wedge.edge.auth.Sessions;
import dev.wedge.edge.packing.PackService;
import dev.wedge.edge.web.HandheldScans;
import dev.wedge.edge.web.HandheldWeb;
import dev.wedge.edge.web.StatusQueries;
import dev.wedge.edge.web.WebServer;
import dev.wedge.scanner.wedge.WedgeSettings;
import dev.wedge.label.camel.ZebraComponent;
import dev.wedge.label.job.JdbcPrintJobStore;
import dev.wedge.label.job.PrintJobQueue;
import dev.wedge.label.transport.PrinterTimeouts;
import dev.wedge.label.transport.ZebraPrinter;
import dev.wedge.routing.jsprit.JspritRouteSolver;
import dev.wedge.scanner.ScannerStatus;
import dev.wedge.scanner.camel.ScannerComponent;
import dev.wedge.sync.edge.EdgeCredentials;
import dev.wedge.sync.edge.ForwarderSettings;
import dev.wedge.sync.edge.InboundPuller;
import dev.wedge.sync.edge.OwnershipRules;
import dev.wedge.sync.edge.Owner;
import dev.wedge.edge.dispatch.relay.RelayedActions;
import dev.wedge.edge.masterdata.HqMessageHandler;
import dev.wedge.sync.edge.ForwarderStatus;
import dev.wedge.sync.edge.JdbcOutbox;
import dev.wedge.sync.edge.OutboxForwarder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One warehouse's edge node: the one place that starts things in order (database and migrations, Camel with
 * its device components and routes, the HQ forwarder, the web server) and stops them in reverse.
 */
public final class EdgeNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeNode.class);
    /** How often held and queued print jobs are tried again (a printer back from paper-out resumes by then). */
    private static final Duration PRINT_RETRY = Duration.ofSeconds(2);

    private final EdgeConfig config;
    private final Clock clock;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final ObjectMapper json = new ObjectMapper();
    private EdgeDatabase database;
    private CamelContext camel;
    private ScannerComponent scanners;
    private OutboxForwarder forwarder;
    private InboundPuller inbound;
    private WebServer web;
    private JdbcOutbox outbox;
    private LabelJobs labels;
    private FloorServices floor;
    private Sessions sessions;
    private Dispatch dispatch;
    private Conveyors conveyors;

    public EdgeNode(EdgeConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Starts everything; on failure stops what was already started and rethrows. */
    public EdgeNode start() throws Exception {
        try {
            startDatabase();
            startCamel();
            startWeb();
            // After the floor services exist: the inbound puller hands HQ's orders to them.
            startForwarder();
            LOG.info("edge node {} started: {}", config.nodeId(), web.uri());
            return this;
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private void startWeb() throws Exception {
        EdgeConfig.Handheld hh = config.handheld();
        // A closed carton's label was queued in its transaction; wake its printer once that committed.
        floor = FloorServices.create(database, outbox, labels, jobId -> {
            if (!hh.packingPrinter().isEmpty()) {
                labels.wake(hh.packingPrinter());
            }
        }, new FloorServices.Settings(config.receiving().location(), hh.packingLocation(), new PackService.Settings(
                config.gs1().extensionDigit(), config.gs1().companyPrefix(), hh.packingPrinter(),
                config.receiving().shipFrom())), new PinHasher(), clock);
        sessions = new Sessions(clock, hh.sessionIdle(), hh.sessionMax());
        HandheldScans scans = new HandheldScans(new WedgeSettings(hh.gsSubstitutes(), "", "", hh.duplicateWindow()),
                clock);
        web = HandheldWeb.create(config.web().host(), config.web().port(), floor, sessions, scans, this::status,
                config.printers().stream().map(EdgeConfig.Printer::id).toList(), clock);
        dispatch = new Dispatch(database, outbox, config.dispatch(), new JspritRouteSolver(), clock).start();
        started.push(dispatch);
        web.mount(new DispatchHandler(dispatch, new DispatchAccess(sessions, floor.users()::authenticate, "/")));
        web.start();
        started.push(web::stop);
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
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("wedge-" + config.nodeId());
        scanners = new ScannerComponent();
        camel.addComponent("scanner", scanners);
        ZebraComponent zebra = new ZebraComponent();
        Map<String, ZebraPrinter> printers = new LinkedHashMap<>();
        for (EdgeConfig.Printer p : config.printers()) {
            zebra.addPrinter(p.id(), p.host(), p.port());
            // The durable job queue prints over the component's shared connection: one connection per printer.
            printers.put(p.id(), zebra.printer(p.id(), PrinterTimeouts.DEFAULTS));
        }
        camel.addComponent("zebra", zebra);
        JdbcPrintJobStore jobs = new JdbcPrintJobStore(database);
        ScheduledExecutorService printing = camel.getExecutorServiceManager()
                .newScheduledThreadPool(this, "print-jobs", Math.max(1, Math.min(4, printers.size())));
        PrintJobQueue queue = new PrintJobQueue(jobs, printers, printing, PRINT_RETRY, clock);
        labels = new LabelJobs(jobs, queue);
        ReceivingService receiving = new ReceivingService(database, outbox, config.gs1(), config.receiving(), labels,
                clock);
        camel.addRoutes(new ReceivingRoutes(config.scanners(), config.receiving().printer(), receiving, labels));
        conveyors = new Conveyors(config.conveyors(), database, clock);
        started.push(conveyors::close);
        conveyors.addTo(camel);
        camel.start();
        started.push(camel::stop);
        conveyors.start();
        // Resumes the jobs a previous run left open; stopped before Camel closes the printer connections.
        queue.start();
        started.push(queue);
    }

    private void startForwarder() throws IOException {
        if (config.hq().isEmpty()) {
            LOG.warn("no hq.url configured: movements stay in the outbox until one is");
            return;
        }
        EdgeConfig.Hq hq = config.hq().get();
        ForwarderSettings defaults = ForwarderSettings.defaults();
        forwarder = new OutboxForwarder(database, config.nodeId(), hq.baseUri(), new ForwarderSettings(
                hq.batchSize(), hq.pollInterval(), defaults.minBackoff(), hq.maxBackoff()), credentials(hq));
        forwarder.start();
        started.push(forwarder::stop);
        // Master data and orders come down from HQ by cursor, one transaction per message.
        inbound = new InboundPuller(database, config.nodeId(), hq.baseUri(), new ForwarderSettings(hq.batchSize(),
                hq.pollInterval(), defaults.minBackoff(), hq.maxBackoff()), credentials(hq), OwnershipRules.defaults()
                .with(RelayedActions.KIND, Owner.HQ), new HqMessageHandler(floor.orders(), new RelayedActions(dispatch)));
        inbound.start();
        started.push(inbound::stop);
    }

    private static EdgeCredentials credentials(EdgeConfig.Hq hq) throws IOException {
        SSLContext tls = hq.tls().isPresent() ? hq.tls().get().context() : null;
        String token = hq.tokenFile().isPresent()
                ? Files.readAllLines(hq.tokenFile().get(), StandardCharsets.UTF_8).stream().findFirst().orElse("").strip()
                : null;
        return new EdgeCredentials(tls, token == null || token.isEmpty() ? null : token);
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

    /** Dispatch: routes, drivers, proof of delivery, tracking (served under /driver, /dispatch, /api/dispatch, /track). */
    public Dispatch dispatch() {
        return dispatch;
    }

    /** The conveyor sortation of this node: PLC links, line states (what picking reads) and decision counts. */
    public Conveyors conveyors() {
        return conveyors;
    }

    public URI webUri() {
        return web.uri();
    }

    public List<ScannerStatus> scannerStatuses() {
        return scanners == null ? List.of() : scanners.statuses();
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
        for (ScannerStatus st : scannerStatuses()) {
            ObjectNode n = list.addObject();
            n.put("scannerId", st.scannerId());
            n.put("up", st.up());
            n.put("frames", st.frames());
            n.put("rejectedFrames", st.rejectedFrames());
            n.put("lastError", st.lastError());
            n.put("lastFrameAt", st.lastFrameAt() == null ? null : st.lastFrameAt().toString());
        }
        s.setAll(new StatusQueries(database).floor(json, 20));
        s.set("conveyors", conveyors.status(json));
        ObjectNode o = s.putObject("outbox");
        o.put("backlog", outboxBacklog());
        forwarderStatus().ifPresent(f -> {
            o.put("hqReachable", f.hqReachable());
            o.put("lastAckAt", f.lastAckAt() == null ? null : f.lastAckAt().toString());
            o.put("lastError", f.lastError());
            o.put("backlogAlarm", f.backlogAlarm());
        });
        if (inbound != null) {
            ObjectNode in = s.putObject("inbound");
            var st = inbound.status();
            in.put("appliedThrough", st.appliedThrough());
            in.put("applied", st.applied());
            in.put("ignored", st.ignored());
            in.put("conflicts", st.conflicts());
        }
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
