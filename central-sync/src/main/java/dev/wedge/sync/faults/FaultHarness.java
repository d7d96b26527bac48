package dev.wedge.sync.faults;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import dev.wedge.sync.hq.HqServer;
import dev.wedge.sync.hq.HqSettings;
import dev.wedge.sync.internal.DerbyShutdown;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one fault run: HQ in this JVM on a file database, the faulty proxy in front of it, and the edge writer
 * in a child JVM. Until enough faults have hit, it picks one every few hundred milliseconds: SIGKILL the edge
 * (then start it again on the same database), SIGKILL it right after its request reached HQ and before the
 * answer came back, restart HQ on the same port and database, or a proxy fault.
 * Then it lets the edge drain and compares HQ's ledger with the edge's.
 */
public final class FaultHarness {
    static final String WAREHOUSE = "WH-FAULT";
    private static final Logger LOG = LoggerFactory.getLogger(FaultHarness.class);

    private final FaultPlan plan;
    private final Random random;
    private final Map<String, Integer> ownFaults = new TreeMap<>();
    private final AtomicLong written = new AtomicLong();
    private final Path edgeDb;
    private HqSettings hqSettings;
    private HqServer hq;
    private FaultyProxy proxy;
    private Process edge;
    private volatile boolean drained;
    private volatile long writtenAllAtNanos;
    private volatile long drainedAtNanos;

    private FaultHarness(FaultPlan plan) {
        this.plan = plan;
        this.random = new Random(plan.seed());
        this.edgeDb = plan.workDir().resolve("edge");
    }

    /**
     * Runs a fault run from the command line and prints its result as JSON: {@code FaultHarness <movements>
     * <faults> <workDir> [seed]}.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: FaultHarness <movements> <faults> <workDir> [seed]");
            System.exit(2);
        }
        long seed = args.length > 3 ? Long.parseLong(args[3]) : System.nanoTime();
        FaultRunResult result = run(new FaultPlan(Integer.parseInt(args[0]), Integer.parseInt(args[1]), seed,
                Path.of(args[2]), java.time.Duration.ofMinutes(30)));
        System.out.println(dev.wedge.sync.wire.WireCodec.mapper().writeValueAsString(result));
        System.exit(result.converged() ? 0 : 1);
    }

    /** Runs the plan; the result says what converged. */
    public static FaultRunResult run(FaultPlan plan) {
        try {
            Files.createDirectories(plan.workDir());
            return new FaultHarness(plan).execute();
        } catch (IOException | java.sql.SQLException e) {
            throw new SyncException(SyncErrorCode.STORAGE_FAILED, "Fault run failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(SyncErrorCode.SERVER_FAILED, "Fault run interrupted", e);
        }
    }

    private FaultRunResult execute() throws IOException, InterruptedException, java.sql.SQLException {
        long start = System.nanoTime();
        long deadline = start + plan.timeout().toNanos();
        hqSettings = HqSettings.local("jdbc:derby:" + plan.workDir().resolve("hq") + ";create=true");
        hq = new HqServer(hqSettings);
        hqSettings = hqSettings.withPort(hq.start());
        proxy = new FaultyProxy(hqSettings.port(), plan.seed());
        int proxyPort = proxy.start();
        try {
            EdgeWriterProcess.prepare(edgeDb.toString());
            DerbyShutdown.shutdown("jdbc:derby:" + edgeDb);
            edge = spawnEdge(proxyPort);
            injectFaults(proxyPort, deadline);
            proxy.disarm();
            long faultsEnd = System.nanoTime();
            boolean completed = awaitDrained(proxyPort, deadline);
            // From the moment the last fault hit and the last movement was written, to all acknowledged.
            long from = Math.max(faultsEnd, writtenAllAtNanos);
            double converge = Math.max(0, (drainedAtNanos == 0 ? System.nanoTime() : drainedAtNanos) - from) / 1e9;
            return compare(completed, converge, (System.nanoTime() - start) / 1e9);
        } finally {
            if (edge != null && edge.isAlive()) {
                edge.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            proxy.close();
            hq.stop();
        }
    }

    private int faults() {
        int own;
        synchronized (ownFaults) {
            own = ownFaults.values().stream().mapToInt(Integer::intValue).sum();
        }
        return own
                + proxy.injected().values().stream().mapToInt(Integer::intValue).sum();
    }

    private void injectFaults(int proxyPort, long deadline) throws IOException, InterruptedException {
        while (faults() < plan.faults() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100 + random.nextInt(400));
            double pick = random.nextDouble();
            if (!edge.isAlive() && !drained) {
                edge.waitFor(10, TimeUnit.SECONDS);
                edge = spawnEdge(proxyPort);
            } else if (!edge.isAlive() && drained) {
                restartHq();
            } else if (pick < 0.12) {
                killEdge(proxyPort);
            } else if (pick < 0.2) {
                killEdgeBetweenSendAndAck();
            } else if (pick < 0.3) {
                restartHq();
            } else {
                FaultyProxy.Fault[] kinds = FaultyProxy.Fault.values();
                proxy.arm(kinds[random.nextInt(kinds.length)]);
            }
        }
    }

    private void killEdge(int proxyPort) throws IOException, InterruptedException {
        if (!edge.isAlive()) {
            edge = spawnEdge(proxyPort);
            return;
        }
        // destroyForcibly is SIGKILL on Linux: no shutdown hooks, no Derby shutdown, no flush.
        edge.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        synchronized (ownFaults) {
            ownFaults.merge("KILL_EDGE", 1, Integer::sum);
        }
        edge = spawnEdge(proxyPort);
    }

    /**
     * SIGKILLs the edge the moment its next request has reached HQ, before the answer gets back; the loop starts
     * it again when it finds it dead.
     */
    private void killEdgeBetweenSendAndAck() {
        Process victim = edge;
        proxy.afterNextRequest(() -> {
            if (victim.isAlive()) {
                victim.destroyForcibly();
                synchronized (ownFaults) {
                    ownFaults.merge("KILL_EDGE_AFTER_SEND", 1, Integer::sum);
                }
            }
        });
    }

    private void restartHq() {
        hq.stop();
        synchronized (ownFaults) {
            ownFaults.merge("RESTART_HQ", 1, Integer::sum);
        }
        hq = new HqServer(hqSettings);
        hq.start();
    }

    private boolean awaitDrained(int proxyPort, long deadline) throws IOException, InterruptedException {
        while (System.nanoTime() < deadline) {
            if (!edge.isAlive()) {
                if (edge.exitValue() == 0 && drained) {
                    return true;
                }
                LOG.warn("Edge process ended with {} before draining; starting it again", edge.exitValue());
                edge = spawnEdge(proxyPort);
            }
            edge.waitFor(200, TimeUnit.MILLISECONDS);
        }
        return false;
    }

    private Process spawnEdge(int proxyPort) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dderby.stream.error.file=" + plan.workDir().resolve("derby-edge.log"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), EdgeWriterProcess.class.getName(),
                edgeDb.toString(), WAREHOUSE, "http://127.0.0.1:" + proxyPort, String.valueOf(plan.movements()),
                String.valueOf(random.nextLong()));
        pb.redirectError(ProcessBuilder.Redirect.appendTo(plan.workDir().resolve("edge-stderr.log").toFile()));
        Process p = pb.start();
        Thread reader = new Thread(() -> readProgress(p), "wedge-fault-edge-output");
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    private void readProgress(Process p) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts.length == 2 && ("WRITTEN".equals(parts[0]) || "DRAINED".equals(parts[0]))) {
                    written.set(Long.parseLong(parts[1]));
                    if (written.get() >= plan.movements() && writtenAllAtNanos == 0) {
                        writtenAllAtNanos = System.nanoTime();
                    }
                    if ("DRAINED".equals(parts[0]) && !drained) {
                        drainedAtNanos = System.nanoTime();
                        drained = true;
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The process was killed mid-line; the next one reports again.
        }
    }

    private FaultRunResult compare(boolean completed, double converge, double seconds) throws java.sql.SQLException {
        EmbeddedDataSource db = new EmbeddedDataSource();
        db.setDatabaseName(edgeDb.toString());
        LedgerComparison edgeView = new LedgerComparison(db);
        DerbyShutdown.shutdown("jdbc:derby:" + edgeDb);
        List<String> hqLines = hq.store().records(WAREHOUSE).stream().map(LedgerComparison::line).toList();
        Map<String, Integer> byType;
        synchronized (ownFaults) {
            byType = new TreeMap<>(ownFaults);
        }
        proxy.injected().forEach((k, v) -> byType.put(k.name(), v));
        return new FaultRunResult(faults(), byType, edgeView.edgeLines().size(), hqLines.size(),
                edgeView.lost(hqLines), edgeView.duplicated(hqLines), edgeView.ledgerMatchesOutbox(),
                edgeView.gapFree(), LedgerComparison.checksum(edgeView.edgeLines()),
                LedgerComparison.checksum(hqLines), converge, seconds, completed);
    }
}
