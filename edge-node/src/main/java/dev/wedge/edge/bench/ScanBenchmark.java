package dev.wedge.edge.bench;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives the handheld scan API of a real edge node (file Derby, so every scan is a durable commit) with
 * concurrent pickers over HTTP: each picker has its own wave and scans location, item and quantity for every
 * task, paced so that all pickers together aim at the target rate. Prints latency percentiles and throughput.
 * Not a test: it measures.
 */
public final class ScanBenchmark {

    /** @param rate target scans per second over all clients */
    public record Settings(int clients, int rate, int seconds) {
        public Settings {
            if (clients < 1 || rate < 1 || seconds < 1) {
                throw new IllegalArgumentException("clients, rate and seconds must be at least 1, got " + clients
                        + ", " + rate + ", " + seconds);
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
            int tasksPerClient = (int) Math.ceil((double) s.rate() * s.seconds() / 3 / s.clients());
            List<Long> waves = seed(node, s.clients(), tasksPerClient);
            long[][] latencies = new long[s.clients()][];
            AtomicLong refused = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(s.clients());
            long intervalNanos = 1_000_000_000L * s.clients() / s.rate();
            Instant started = Instant.now();
            List<Future<long[]>> futures = new ArrayList<>();
            for (int i = 0; i < s.clients(); i++) {
                int client = i;
                futures.add(pool.submit(() -> new Picker(node.webUri(), "BENCH-" + client, "2468" + client % 10,
                        waves.get(client), intervalNanos, refused).pickAll()));
            }
            for (int i = 0; i < s.clients(); i++) {
                latencies[i] = futures.get(i).get();
            }
            double elapsed = Duration.between(started, Instant.now()).toNanos() / 1e9;
            pool.shutdown();
            long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
            ObjectNode out = JSON.createObjectNode();
            out.put("clients", s.clients());
            out.put("targetScansPerSecond", s.rate());
            out.put("scans", all.length);
            out.put("refused", refused.get());
            out.put("seconds", Math.round(elapsed * 100) / 100.0);
            out.put("scansPerSecond", Math.round(all.length / elapsed * 10) / 10.0);
            out.put("p50Ms", ms(all, 0.50));
            out.put("p90Ms", ms(all, 0.90));
            out.put("p99Ms", ms(all, 0.99));
            out.put("maxMs", ms(all, 1.0));
            out.put("durable", "file Derby, commit per scan");
            out.put("cores", Runtime.getRuntime().availableProcessors());
            return out;
        } finally {
            node.close();
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double ms(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sortedNanos.length - 1, Math.ceil(q * sortedNanos.length) - 1);
        return Math.round(sortedNanos[Math.max(0, i)] / 10_000.0) / 100.0;
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

    /** One handheld: logs in, then scans every task of its wave at its pace. */
    private static final class Picker {
        private final URI base;
        private final String badge;
        private final String pin;
        private final long waveId;
        private final long intervalNanos;
        private final AtomicLong refused;
        private final HttpClient http = HttpClient.newHttpClient();
        private String cookie;
        private String csrf;

        Picker(URI base, String badge, String pin, long waveId, long intervalNanos, AtomicLong refused) {
            this.base = base;
            this.badge = badge;
            this.pin = pin;
            this.waveId = waveId;
            this.intervalNanos = intervalNanos;
            this.refused = refused;
        }

        long[] pickAll() throws Exception {
            HttpResponse<String> login = send("POST", "/api/session", "{\"badge\":\"" + badge + "\",\"pin\":\"" + pin
                    + "\"}");
            cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
            csrf = JSON.readTree(login.body()).path("csrfToken").asText();
            List<Long> latencies = new ArrayList<>();
            long next = System.nanoTime();
            JsonNode task = JSON.readTree(send("GET", "/api/waves/" + waveId + "/next-task", null).body()).path("task");
            String gtin = null;
            while (!task.isNull() && !task.isMissingNode()) {
                if (gtin == null) {
                    gtin = task.path("gtin").asText();
                }
                JsonNode after = null;
                for (String scan : List.of(task.path("location").asText(), gtin, "1")) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    next += intervalNanos;
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = send("POST", "/api/pick-tasks/" + task.path("taskId").asLong() + "/scans",
                            JSON.createObjectNode().put("scan", scan).toString());
                    latencies.add(System.nanoTime() - t0);
                    if (r.statusCode() != 200) {
                        refused.incrementAndGet();
                    } else {
                        after = JSON.readTree(r.body());
                    }
                }
                task = after == null ? JSON.nullNode() : after.path("next");
            }
            return latencies.stream().mapToLong(Long::longValue).toArray();
        }

        private HttpResponse<String> send(String method, String path, String body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("X-Wedge-Device", badge);
            if (cookie != null) {
                b.header("Cookie", cookie).header("X-CSRF-Token", csrf);
            }
            if (body != null) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
