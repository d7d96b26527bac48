package dev.wedge.edge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.app.EdgeNode;
import dev.wedge.edge.auth.Role;
import dev.wedge.edge.config.ConfigReader;
import dev.wedge.edge.floor.FloorException;
import dev.wedge.edge.floor.Jdbc;
import dev.wedge.edge.inventory.Catalog;
import dev.wedge.edge.inventory.StockLedger;
import dev.wedge.edge.picking.Order;
import dev.wedge.scanner.gs1.CheckDigit;
import dev.wedge.sync.edge.JdbcOutbox;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives the handheld scan API of a real edge node (file Derby, so every scan is a durable commit) with
 * concurrent pickers over HTTP ({@link ScanLoad}): each picker has its own wave and scans location, item and
 * quantity for every task, paced so that all pickers together aim at the target rate. The pickers run in a child
 * JVM by default, so they do not take the node's CPU time. Prints latency percentiles, throughput and the node
 * JVM's CPU time per scan. Not a test: it measures.
 */
public final class ScanBenchmark {

    /**
     * @param rate             target scans per second over all clients
     * @param seconds          how long the measured part runs
     * @param warmUpSeconds    how long the same load runs first, reported apart ({@code warmUp}) and not measured
     * @param clientsInProcess run the simulated handhelds in the node's JVM instead of a JVM of their own
     */
    public record Settings(int clients, int rate, int seconds, int warmUpSeconds, boolean clientsInProcess) {
        /** The handhelds in a JVM of their own, so the figures are the node's. */
        public Settings(int clients, int rate, int seconds, int warmUpSeconds) {
            this(clients, rate, seconds, warmUpSeconds, false);
        }

        public Settings {
            if (clients < 1 || rate < 1 || seconds < 1) {
                throw new IllegalArgumentException("clients, rate and seconds must be at least 1, got " + clients
                        + ", " + rate + ", " + seconds);
            }
            if (warmUpSeconds < 0) {
                throw new IllegalArgumentException("the warm-up is 0 seconds or more, got " + warmUpSeconds);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScanBenchmark() {
    }

    /** Runs the benchmark and returns its figures as one JSON object. */
    public static ObjectNode run(Settings s) throws Exception {
        Path dir = Files.createTempDirectory("wedge-bench");
        EdgeNode node = new EdgeNode(ConfigReader.from(Map.of("node.id", "WH-BENCH", "data.dir", dir.toString(),
                "web.port", "0", "gs1.companyPrefix", "0614141", "handheld.duplicateWindowMillis", "0")),
                Clock.systemUTC()).start();
        try {
            int tasksPerClient = (int) Math.ceil((double) s.rate() * (s.seconds() + s.warmUpSeconds()) / 3
                    / s.clients());
            List<Long> waves = seed(node, s.clients(), tasksPerClient);
            List<ScanLoad.Handheld> handhelds = new ArrayList<>();
            for (int i = 0; i < s.clients(); i++) {
                handhelds.add(new ScanLoad.Handheld("BENCH-" + i, "2468" + i % 10, waves.get(i)));
            }
            long intervalNanos = 1_000_000_000L * s.clients() / s.rate();
            long warmUpNanos = s.warmUpSeconds() * 1_000_000_000L;
            // CPU time from the end of the warm-up, when the load says it starts measuring.
            AtomicLong cpuBefore = new AtomicLong(processCpuNanos());
            Runnable measuring = () -> cpuBefore.set(processCpuNanos());
            ObjectNode load = s.clientsInProcess()
                    ? ScanLoad.drive(node.webUri(), handhelds, intervalNanos, warmUpNanos, measuring)
                    : inChildJvm(node.webUri(), handhelds, intervalNanos, warmUpNanos, measuring);
            long cpu = processCpuNanos() - cpuBefore.get();
            ObjectNode out = JSON.createObjectNode();
            out.put("clients", s.clients());
            out.put("targetScansPerSecond", s.rate());
            out.setAll(load);
            out.put("durable", "file Derby, every scan committed before its answer (group commit)");
            // Every scan answered as accepted must be in the database: count both sides.
            long answered = accepted(load) + accepted(load.path("warmUp"));
            long stored = node.floor().tx().read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM scan WHERE outcome = ?"
                    + " AND scanner_id LIKE 'BENCH-%'", "ACCEPTED"));
            out.put("acceptedAnswers", answered);
            out.put("acceptedScansStored", stored);
            out.put("warmUpSeconds", s.warmUpSeconds());
            out.put("clientJvm", s.clientsInProcess() ? "same as the node" : "separate");
            // CPU time of the node's JVM per scan: less distorted by other load on the machine than latency is.
            out.put("nodeJvmCpuMsPerScan", load.path("scans").asLong() == 0 ? 0
                    : Math.round(cpu / 1e4 / load.path("scans").asLong()) / 100.0);
            out.put("cores", Runtime.getRuntime().availableProcessors());
            return out;
        } finally {
            node.close();
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long accepted(com.fasterxml.jackson.databind.JsonNode figures) {
        return figures.path("scans").asLong() - figures.path("refused").asLong();
    }

    /**
     * Runs {@link ScanLoad} in a child JVM on this class path, runs {@code measuring} when it says the warm-up
     * ended, and reads its last line of JSON.
     */
    private static ObjectNode inChildJvm(URI base, List<ScanLoad.Handheld> handhelds, long intervalNanos,
            long warmUpNanos, Runnable measuring) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), ScanLoad.class.getName(), base.toString(),
                Long.toString(intervalNanos), Long.toString(warmUpNanos)));
        handhelds.forEach(h -> command.add(h.arg()));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String last = "";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.strip().equals(ScanLoad.MEASURING)) {
                    measuring.run();
                } else if (!line.isBlank()) {
                    last = line.strip();
                }
            }
        }
        int exit = child.waitFor();
        if (exit != 0 || !last.startsWith("{")) {
            throw new IllegalStateException("the load JVM exited with " + exit + ": " + last);
        }
        return (ObjectNode) JSON.readTree(last);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** One product and location per client, stock for every task, one order per client as its own wave. */
    private static List<Long> seed(EdgeNode node, int clients, int tasks) throws SQLException, FloorException {
        Catalog catalog = new Catalog();
        JdbcOutbox outbox = new JdbcOutbox("WH-BENCH");
        Instant departure = Instant.now().plus(Duration.ofHours(4));
        for (int i = 0; i < clients; i++) {
            int client = i;
            String sku = "BENCH-" + client;
            String base = String.format("09%011d", 50_000 + client);
            String gtin = base + CheckDigit.compute(base);
            node.floor().tx().inTransaction(c -> {
                catalog.addProduct(c, sku, gtin, "Bench item " + client, false);
                for (int t = 0; t < tasks; t++) {
                    String code = "BN-" + client + "-" + t;
                    catalog.addLocation(c, new Catalog.Location(code, "PICK", "BN", Integer.toString(client),
                            Integer.toString(t), "1", "1", t, 0, false));
                    long seq = outbox.append(c, "movement", "{\"type\":\"OPENING\"}").seq();
                    new StockLedger().move(c, new StockLedger.Movement("OPENING", sku, "", 1, null, code, null, null),
                            false, seq, Instant.now());
                }
                return null;
            });
            node.floor().orders().receive(new Order("BO-" + client, "Bench", "BR-" + client, 1, departure,
                    "DOCK-B", List.of(new Order.Line(sku, tasks))));
            node.floor().users().create("BENCH-" + client, "Bench picker " + client, Role.PICKER,
                    ("2468" + client % 10).toCharArray());
        }
        node.floor().waves().planWaves();
        Long[] waves = new Long[clients];
        for (long[] w : node.floor().tx().read(c -> Jdbc.list(c, "SELECT wave_id, route FROM wave",
                rs -> new long[]{rs.getLong(1), Long.parseLong(rs.getString(2).substring(3))}))) {
            waves[(int) w[1]] = w[0];
        }
        return List.of(waves);
    }
}
