package dev.wedge.sync.bench;

import dev.wedge.sync.edge.EdgeSyncSchema;
import dev.wedge.sync.edge.ForwarderSettings;
import dev.wedge.sync.edge.JdbcOutbox;
import dev.wedge.sync.edge.OutboxForwarder;
import dev.wedge.sync.hq.HqServer;
import dev.wedge.sync.hq.HqSettings;
import dev.wedge.sync.hq.StoredRecord;
import dev.wedge.sync.internal.DerbyShutdown;
import dev.wedge.sync.wire.WireCodec;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Backlogs movements in an edge Derby database, then drains them to an HQ on loopback while live records
 * (priority 0, one every 20 ms) keep arriving, checks that HQ holds every record exactly once, and measures
 * HQ's own acknowledged ingest rate with several synthetic warehouses. Prints one JSON object: the drain rate,
 * the live records' latency (created at the edge to stored at HQ) while draining, HQ's ingest rate, the
 * records compared and how many were lost or duplicated, and the CPU time and load average beside each rate.
 *
 * <p>Usage: {@code SyncBenchmark [movements=1000000] [workDir=<temp>] [ingestRecordsPerWarehouse=100000]
 * [hqPostgresUrl]}. The work directory must not hold an earlier run's databases. HQ's store is embedded Derby in
 * the work directory unless a PostgreSQL URL is given; then each phase uses a new schema there, dropped after it.
 */
public final class SyncBenchmark {
    /** Goals of the sync work (issue #6): drain to HQ on loopback and HQ's acknowledged ingest on one node. */
    static final int DRAIN_GOAL_PER_SECOND = 20_000;
    static final int INGEST_GOAL_PER_SECOND = 50_000;
    private static final String NODE = "WH-BENCH";
    private static final int BATCH = 2000;

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int movements = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("wedge-sync-bench");
        int ingest = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        HqDatabases hq = args.length > 3 ? HqDatabases.postgres(args[3]) : HqDatabases.derby(dir);
        System.out.println(WireCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                run(movements, dir, ingest, hq)));
    }

    /** {@link #run(int, Path, int, String)} with HQ on embedded Derby in {@code dir}. */
    public static Map<String, Object> run(int movements, Path dir, int ingestPerWarehouse) throws Exception {
        return run(movements, dir, ingestPerWarehouse, HqDatabases.derby(dir));
    }

    /**
     * Runs the whole benchmark in {@code dir} (created if missing), with HQ's store in new schemas of the
     * PostgreSQL database at {@code hqPostgresUrl}, and returns its figures, in the order they are printed.
     */
    public static Map<String, Object> run(int movements, Path dir, int ingestPerWarehouse, String hqPostgresUrl)
            throws Exception {
        return run(movements, dir, ingestPerWarehouse, HqDatabases.postgres(hqPostgresUrl));
    }

    private static Map<String, Object> run(int movements, Path dir, int ingestPerWarehouse, HqDatabases hqStores)
            throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("movements", movements);
        out.put("hqStore", hqStores.kind());
        out.put("loadAverageAtStart", loadAverage());
        EmbeddedDataSource edge = new EmbeddedDataSource();
        edge.setDatabaseName(dir.resolve("edge").toString());
        edge.setCreateDatabase("create");
        EdgeSyncSchema.migrate(edge);
        JdbcOutbox outbox = new JdbcOutbox(NODE);

        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        backlog(edge, outbox, movements);
        double appendSeconds = seconds(t0);
        out.put("appendSeconds", round(appendSeconds));
        out.put("appendRatePerSecond", Math.round(movements / appendSeconds));
        out.put("appendRatePerCpuSecond", Math.round(movements / ((cpuNanos() - cpu0) / 1e9)));

        try (HqDatabases.Phase hq = hqStores.open("hq")) {
            drain(edge, outbox, hq.jdbcUrl(), movements, out);
        }
        Map<String, Object> ingest;
        try (HqDatabases.Phase hq = hqStores.open("hq-ingest")) {
            ingest = HqIngestBenchmark.run(hq.jdbcUrl(), 4, ingestPerWarehouse, BATCH);
        }
        out.put("hqIngest", ingest);
        out.put("goals", goals(out, ingest));
        out.put("loadAverageAtEnd", loadAverage());
        DerbyShutdown.shutdown("jdbc:derby:" + dir.resolve("edge"));
        return out;
    }

    private static Map<String, Object> goals(Map<String, Object> out, Map<String, Object> ingest) {
        Map<String, Object> goals = new LinkedHashMap<>();
        goals.put("drainRatePerSecond", DRAIN_GOAL_PER_SECOND);
        goals.put("drainMet", ((Number) out.get("drainRatePerSecond")).longValue() >= DRAIN_GOAL_PER_SECOND);
        goals.put("hqIngestAckedRatePerSecond", INGEST_GOAL_PER_SECOND);
        goals.put("hqIngestMet", ((Number) ingest.get("ackedRatePerSecond")).longValue() >= INGEST_GOAL_PER_SECOND);
        return goals;
    }

    /**
     * Drains the backlog to an HQ on loopback while live records arrive; then lets the last live records
     * through and compares both ledgers. Puts rates, latencies and the comparison in out.
     */
    private static void drain(EmbeddedDataSource edge, JdbcOutbox outbox, String hqJdbcUrl, int movements,
            Map<String, Object> out) throws Exception {
        HqServer hq = new HqServer(HqSettings.local(hqJdbcUrl));
        hq.start();
        ForwarderSettings settings = new ForwarderSettings(BATCH, Duration.ofMillis(5), Duration.ofMillis(50),
                Duration.ofSeconds(2)).withCompression(false).withAlarm(10_000_000, Duration.ofDays(1));
        OutboxForwarder forwarder = new OutboxForwarder(edge, NODE, hq.uri(), settings);
        AtomicBoolean live = new AtomicBoolean(true);
        AtomicLong liveWritten = new AtomicLong();
        Thread liveWriter = new Thread(() -> writeLive(edge, outbox, live, liveWritten, forwarder),
                "wedge-bench-live");
        long t1 = System.nanoTime();
        long cpu1 = cpuNanos();
        ThreadCpu threads1 = ThreadCpu.now();
        forwarder.start();
        liveWriter.start();
        while (hq.store().count(NODE, "movement") < movements) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        double drainSeconds = seconds(t1);
        double drainCpu = (cpuNanos() - cpu1) / 1e9;
        Map<String, Double> byRole = ThreadCpu.now().secondsSince(threads1);
        live.set(false);
        liveWriter.join();
        out.put("drainSeconds", round(drainSeconds));
        out.put("drainRatePerSecond", Math.round(movements / drainSeconds));
        out.put("drainCpuSeconds", round(drainCpu));
        out.put("drainRatePerCpuSecond", Math.round(movements / drainCpu));
        // Edge and HQ work on different batches at once, so on an idle machine the busier side sets the pace;
        // what no Java thread accounts for is mostly the JIT compiler and the garbage collector.
        double threads = byRole.values().stream().mapToDouble(Double::doubleValue).sum();
        byRole.put("unattributed", round(drainCpu - threads));
        out.put("drainCpuSecondsByRole", byRole);
        out.put("loadAverageAfterDrain", loadAverage());
        settleAndAudit(edge, hq, forwarder, movements, movements + liveWritten.get(), out);
        hq.stop();
    }

    /**
     * Lets the live records written during the drain through, then compares both ledgers; puts the live
     * latencies and the comparison in out.
     */
    private static void settleAndAudit(EmbeddedDataSource edge, HqServer hq, OutboxForwarder forwarder,
            int movements, long expected, Map<String, Object> out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // Every record at HQ and every acknowledgement marked at the edge (the last batch's marks follow HQ's
        // answer), or give up after a minute and let the audit report what is missing.
        while ((hq.store().count(NODE) < expected || forwarder.status().backlog() > 0)
                && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        forwarder.stop();
        out.put("liveLatencyMillis", latencies(hq.store().records(NODE, movements, Integer.MAX_VALUE)));
        long t2 = System.nanoTime();
        LedgerAudit audit = LedgerAudit.of(edge, NODE, hq.store());
        out.put("records", audit.edgeRecords());
        out.put("hqRecords", audit.hqRecords());
        out.put("lost", audit.lost());
        out.put("duplicated", audit.duplicated());
        out.put("stillPendingAtEdge", audit.stillPending());
        out.put("auditSeconds", round(seconds(t2)));
    }

    private static void backlog(EmbeddedDataSource edge, JdbcOutbox outbox, int movements) throws Exception {
        try (Connection c = edge.getConnection()) {
            c.setAutoCommit(false);
            for (int i = 1; i <= movements; i++) {
                outbox.append(c, "movement", "{\"movementNo\":" + i + ",\"product\":\"P-" + (i % 500)
                        + "\",\"qty\":" + (i % 11 - 5) + ",\"location\":\"A-" + (i % 40) + "-" + (i % 7) + "\"}");
                if (i % 1000 == 0) {
                    c.commit();
                }
            }
            c.commit();
        }
    }

    /** One priority-0 record every 20 ms while draining, as a live scan would be. */
    private static void writeLive(EmbeddedDataSource edge, JdbcOutbox outbox, AtomicBoolean live,
            AtomicLong written, OutboxForwarder forwarder) {
        try (Connection c = edge.getConnection()) {
            c.setAutoCommit(false);
            while (live.get()) {
                outbox.append(c, "short-pick", "{\"live\":true,\"n\":" + (written.get() + 1) + "}", 0);
                c.commit();
                written.incrementAndGet();
                forwarder.nudge();
                TimeUnit.MILLISECONDS.sleep(20);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Live writer failed", e);
        }
    }

    private static Map<String, Object> latencies(List<StoredRecord> records) {
        List<Long> ms = new ArrayList<>();
        for (StoredRecord r : records) {
            if ("short-pick".equals(r.kind())) {
                ms.add(Duration.between(r.createdAt(), r.receivedAt()).toMillis());
            }
        }
        ms.sort(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("samples", ms.size());
        if (!ms.isEmpty()) {
            out.put("p50", ms.get(ms.size() / 2));
            out.put("p95", ms.get((int) (ms.size() * 0.95)));
            out.put("p99", ms.get((int) (ms.size() * 0.99)));
            out.put("max", ms.get(ms.size() - 1));
        }
        return out;
    }

    /**
     * CPU time used so far by this whole process (edge, HQ and client threads together), which the benchmark
     * reports beside wall-clock time because a shared machine stretches the latter.
     */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static double loadAverage() {
        return round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
