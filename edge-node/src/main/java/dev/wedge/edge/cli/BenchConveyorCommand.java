package dev.wedge.edge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.conveyor.LaneRule;
import dev.wedge.edge.conveyor.sim.ParcelOutcome;
import dev.wedge.edge.conveyor.sim.SorterRig;
import dev.wedge.edge.conveyor.sim.SorterSettings;
import dev.wedge.edge.db.EdgeDatabase;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./wedge bench conveyor --rate ITEMS_PER_HOUR --seconds N}: Wedge's conveyor routes against the simulated
 * sorter over a Basic256Sha256 SignAndEncrypt session, timed at the PLC: scan-to-divert-request latency
 * percentiles, the OPC UA write round trip of the same run, late decisions (no request before the parcel's
 * decision point), then rising rates until one has a late decision.
 */
@Command(name = "conveyor", description = "Benchmark scan-to-divert latency against the simulated sorter and print"
        + " one JSON object (p50Ms, p99Ms, p999Ms, rawP99Ms, late, maxSustainedRate).")
public final class BenchConveyorCommand implements Callable<Integer> {

    /** Parcels an hour of the warm-up: fast enough to be short, slow enough to keep every parcel in its window. */
    private static final long WARM_UP_RATE = 720_000;
    private static final long[] SEARCH_RATES = {40_000, 80_000, 120_000, 160_000, 200_000, 300_000, 400_000, 600_000};

    @Option(names = "--rate", defaultValue = "40000", description = "parcels an hour (default: ${DEFAULT-VALUE})")
    long rate;

    @Option(names = "--seconds", defaultValue = "20", description = "length of the main run (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--search-seconds", defaultValue = "5",
            description = "length of each step of the sustained-rate search, 0 to skip it (default: ${DEFAULT-VALUE})")
    int searchSeconds;

    @Option(names = "--window-ms", defaultValue = "50",
            description = "the sorter's decision window: a request later than this after the scan is late"
                    + " (default: ${DEFAULT-VALUE})")
    int windowMs;

    @Option(names = "--warm-up-parcels", defaultValue = "1200", description = "parcels sorted before the main run,"
            + " so it measures compiled code as a node that has been sorting for minutes runs it, not the JIT's first"
            + " minutes; 0 for a cold start (default: ${DEFAULT-VALUE})")
    int warmUpParcels;

    @Option(names = "--publishing-ms", defaultValue = "2", description = "subscription publishing interval"
            + " (default: ${DEFAULT-VALUE})")
    int publishingMs;

    private final ObjectMapper json = new ObjectMapper();

    /** One run's figures. */
    record Run(long rate, int parcels, long late, double p50, double p99, double p999, double rawP99,
               double decideP99) {
    }

    @Override
    public Integer call() throws Exception {
        String bad = validate();
        if (bad != null) {
            System.err.println("wedge bench conveyor: " + bad);
            return 2;
        }
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Path dir = Files.createTempDirectory("wedge-bench-conveyor");
        EdgeDatabase db = new EdgeDatabase("jdbc:derby:memory:bench-" + UUID.randomUUID() + ";create=true");
        db.migrate();
        List<String> barcodes = seed(db);
        List<LaneRule> rules = List.of(
                new LaneRule(1, Optional.empty(), Optional.empty(), Optional.of("DHL"), Optional.empty()),
                new LaneRule(2, Optional.of("R2"), Optional.empty(), Optional.empty(), Optional.empty()),
                new LaneRule(3, Optional.empty(), Optional.of("D3"), Optional.empty(), Optional.empty()));
        try (SorterRig rig = SorterRig.start(dir.resolve("pki"), db, new SorterRig.Options("bench",
                new SorterSettings(8, 8, Duration.ofMillis(windowMs)), Duration.ofMillis(publishingMs),
                Duration.ofMillis(Math.max(1, windowMs / 2)), 7, 8, rules, "Basic256Sha256"), Duration.ofSeconds(60))) {
            warmUp(rig, db, barcodes);
            Run main = run(rig, db, barcodes, rate, seconds);
            ObjectNode out = json.createObjectNode();
            out.put("rate", rate);
            out.put("seconds", seconds);
            out.put("parcels", main.parcels());
            out.put("p50Ms", round(main.p50()));
            out.put("p99Ms", round(main.p99()));
            out.put("p999Ms", round(main.p999()));
            out.put("rawP99Ms", round(main.rawP99()));
            out.put("decideP99Ms", round(main.decideP99()));
            out.put("late", main.late());
            ArrayNode steps = out.putArray("search");
            long sustained = main.late() == 0 ? rate : 0;
            for (long r : searchSeconds == 0 ? new long[0] : SEARCH_RATES) {
                Run step = run(rig, db, barcodes, r, searchSeconds);
                steps.addObject().put("rate", r).put("parcels", step.parcels()).put("late", step.late())
                        .put("p99Ms", round(step.p99())).put("p999Ms", round(step.p999()));
                if (step.late() > 0) {
                    break;
                }
                sustained = Math.max(sustained, r);
            }
            out.put("maxSustainedRate", sustained);
            out.put("securityPolicy", rig.conveyors().links().get(0).securityPolicy());
            out.put("publishingMs", publishingMs);
            out.put("warmUpParcels", warmUpParcels);
            out.put("windowMs", windowMs);
            out.put("cores", Runtime.getRuntime().availableProcessors());
            // Other processes on the box compete for the same cores; the figures mean little without this.
            out.put("loadAverageBefore", round(loadBefore));
            out.put("loadAverageAfter", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            System.out.println(json.writeValueAsString(out));
            return 0;
        } finally {
            db.close();
            deleteTree(dir);
        }
    }

    private String validate() {
        if (rate < 1 || rate > 3_600_000) {
            return "--rate must be 1..3600000 parcels an hour, not " + rate;
        }
        if (seconds < 1 || seconds > 3_600) {
            return "--seconds must be 1..3600, not " + seconds;
        }
        if (searchSeconds < 0 || searchSeconds > 600) {
            return "--search-seconds must be 0..600, not " + searchSeconds;
        }
        if (windowMs < 5 || windowMs > 10_000) {
            return "--window-ms must be 5..10000, not " + windowMs;
        }
        if (warmUpParcels < 0 || warmUpParcels > 100_000) {
            return "--warm-up-parcels must be 0..100000, not " + warmUpParcels;
        }
        if (publishingMs < 1 || publishingMs > 1_000) {
            return "--publishing-ms must be 1..1000, not " + publishingMs;
        }
        return null;
    }

    private void warmUp(SorterRig rig, EdgeDatabase db, List<String> barcodes) throws Exception {
        if (warmUpParcels > 0) {
            run(rig, db, barcodes, WARM_UP_RATE, (int) Math.max(1, Math.round(warmUpParcels * 3600.0 / WARM_UP_RATE)));
        }
    }

    private Run run(SorterRig rig, EdgeDatabase db, List<String> barcodes, long perHour, int forSeconds)
            throws Exception {
        int before = rig.model().outcomes().size();
        Timestamp since = Timestamp.from(Instant.now());
        AtomicLong n = new AtomicLong();
        rig.model().startFeed(perHour, () -> barcodes.get((int) (n.getAndIncrement() % barcodes.size())));
        Thread.sleep(forSeconds * 1000L);
        rig.model().stopFeed();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((rig.model().onBelt() > 0 || rig.conveyors().pendingDecisionRecords() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<ParcelOutcome> outcomes = rig.model().outcomes().subList(before, rig.model().outcomes().size());
        long late = outcomes.stream().filter(o -> o.late() || o.requestedLane() == 0).count();
        double[] ms = outcomes.stream().filter(o -> o.requestMicros() >= 0).mapToDouble(ParcelOutcome::requestMillis)
                .sorted().toArray();
        double[] raw = millis(db, since, "write_micros");
        double[] decide = millis(db, since, "decide_micros");
        return new Run(perHour, outcomes.size(), late, pct(ms, 50), pct(ms, 99), pct(ms, 99.9), pct(raw, 99),
                pct(decide, 99));
    }

    /** A column of this run's decisions ({@code write_micros}: the OPC UA write round trip) in milliseconds. */
    private static double[] millis(EdgeDatabase db, Timestamp since, String column) throws Exception {
        List<Double> list = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT " + column
                + " FROM conveyor_decision WHERE decided_at >= ? AND " + column + " IS NOT NULL")) {
            ps.setTimestamp(1, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(rs.getLong(1) / 1000.0);
                }
            }
        }
        return list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** Shipments and SSCCs with destinations that match each rule, no rule, and a few unknown barcodes. */
    private static List<String> seed(EdgeDatabase db) throws Exception {
        List<String> barcodes = new ArrayList<>();
        String[] carriers = {"DHL", "UPS", "DPD", "GLS"};
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO conveyor_sort_destination (barcode, barcode_kind, route, dock_door, carrier, destination,"
                        + " updated_at) VALUES (?, 'SHIPMENT', ?, ?, ?, 'Bench', CURRENT_TIMESTAMP)")) {
            for (int i = 0; i < 2_000; i++) {
                String barcode = String.format("SHP-%06d", i);
                ps.setString(1, barcode);
                ps.setString(2, "R" + (i % 5));
                ps.setString(3, "D" + (i % 7));
                ps.setString(4, carriers[i % carriers.length]);
                ps.addBatch();
                barcodes.add(barcode);
            }
            ps.executeBatch();
        }
        for (int i = 0; i < 50; i++) {
            barcodes.add(i * 41, "UNKNOWN-" + i);
        }
        return barcodes;
    }

    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[dev.wedge.edge.bench.Percentiles.nearestRank(sorted.length, p)];
    }

    private static double round(double v) {
        return Double.isNaN(v) ? -1 : Math.round(v * 100) / 100.0;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            System.err.println("wedge bench conveyor: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
