package dev.wedge.edge.cli;

import dev.wedge.sync.SyncException;
import dev.wedge.sync.bench.SyncBenchmark;
import dev.wedge.sync.faults.FaultHarness;
import dev.wedge.sync.faults.FaultPlan;
import dev.wedge.sync.faults.FaultRunResult;
import dev.wedge.sync.wire.WireCodec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wedge bench sync --faults N}: the sync fault-injection harness as a long run. An edge writer runs in a
 * child JVM that is killed with SIGKILL, HQ is restarted and a proxy drops, delays, truncates, resets and
 * replays, until N faults have hit; then HQ's ledger is compared with the edge's. Prints one JSON object with
 * {@code faults}, {@code records}, {@code lost}, {@code duplicated} and {@code convergeSeconds}; exits 0 when
 * the ledgers agree, 1 when they do not, 2 on bad input.
 *
 * <p>{@code wedge bench sync --backlog N}: the throughput benchmark instead ({@code SyncBenchmark}): N movements
 * are backlogged at an edge, drained to an HQ on loopback while live records arrive, both ledgers compared, and
 * HQ's acknowledged ingest rate measured with four synthetic warehouses of {@code --ingest-records} each. Prints
 * one JSON object with the drain and ingest rates, the live latency p50/p99 while draining, {@code records},
 * {@code lost} and {@code duplicated}; exits 0 when nothing was lost or duplicated.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Fault-injection run of edge-to-HQ sync; prints one JSON object.")
public final class BenchSyncCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--faults", defaultValue = "100", description = "Faults to inject at least (default ${DEFAULT-VALUE}).")
    private int faults;

    @Option(names = "--movements", description = "Movements the edge writes (default: 40 per fault, at least 2000).")
    private Integer movements;

    @Option(names = "--seed", description = "Seed of the random choices (default: time based).")
    private Long seed;

    @Option(names = "--work-dir", description = "Empty directory for the databases and logs (default: a new temporary one).")
    private Path workDir;

    @Option(names = "--backlog", description = "Run the throughput benchmark with this many backlogged movements"
            + " (e.g. 1000000) instead of the fault run.")
    private Integer backlog;

    @Option(names = "--ingest-records", defaultValue = "100000", description = "With --backlog: records per"
            + " synthetic warehouse in the HQ ingest measurement (default ${DEFAULT-VALUE}).")
    private int ingestRecords;

    @Option(names = "--hq-postgres", paramLabel = "JDBC_URL", description = "With --backlog: keep HQ's store in"
            + " new schemas of this PostgreSQL database (jdbc:postgresql://host:port/db?user=..), dropped afterwards,"
            + " instead of embedded Derby.")
    private String hqPostgres;

    @Option(names = "--timeout-seconds", defaultValue = "3600", description = "Give up after this long (default ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (backlog != null) {
            return throughput(out, err);
        }
        FaultPlan plan;
        try {
            plan = plan();
        } catch (SyncException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
        FaultRunResult r = FaultHarness.run(plan);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("faults", r.faults());
        json.put("records", r.records());
        json.put("lost", r.lost());
        json.put("duplicated", r.duplicated());
        json.put("convergeSeconds", Math.round(r.convergeSeconds() * 1000) / 1000.0);
        json.put("faultsByType", r.faultsByType());
        json.put("hqRecords", r.hqRecords());
        json.put("checksumsMatch", r.edgeChecksum().equals(r.hqChecksum()));
        json.put("gapFree", r.gapFree());
        json.put("ledgerMatchesOutbox", r.ledgerMatchesOutbox());
        json.put("completed", r.completed());
        json.put("seed", plan.seed());
        json.put("seconds", Math.round(r.seconds() * 10) / 10.0);
        out.println(WireCodec.mapper().writeValueAsString(json));
        out.flush();
        return r.converged() ? 0 : 1;
    }

    private int throughput(PrintWriter out, PrintWriter err) throws Exception {
        try {
            if (backlog < 1) {
                throw SyncException.invalid("--backlog " + backlog + " must be 1 or more.");
            }
            if (ingestRecords < 1) {
                throw SyncException.invalid("--ingest-records " + ingestRecords + " must be 1 or more.");
            }
            requireEmptyWorkDir();
            if (hqPostgres != null && !hqPostgres.startsWith("jdbc:postgresql:")) {
                throw SyncException.invalid("--hq-postgres '" + hqPostgres + "' must be a jdbc:postgresql: URL.");
            }
        } catch (SyncException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
        Path dir = workDir != null ? workDir : Files.createTempDirectory("wedge-bench-sync");
        Map<String, Object> json = hqPostgres == null ? SyncBenchmark.run(backlog, dir, ingestRecords)
                : SyncBenchmark.run(backlog, dir, ingestRecords, hqPostgres);
        out.println(WireCodec.mapper().writeValueAsString(json));
        out.flush();
        boolean exact = ((Number) json.get("lost")).longValue() == 0
                && ((Number) json.get("duplicated")).longValue() == 0;
        return exact ? 0 : 1;
    }

    private void requireEmptyWorkDir() throws java.io.IOException {
        if (workDir != null && Files.exists(workDir)) {
            try (var entries = Files.list(workDir)) {
                if (entries.findAny().isPresent()) {
                    throw SyncException.invalid("--work-dir " + workDir + " must be empty or not exist yet.");
                }
            }
        }
    }

    private FaultPlan plan() throws java.io.IOException {
        if (faults < 0) {
            throw SyncException.invalid("--faults " + faults + " must be 0 or more.");
        }
        if (movements != null && movements < 1) {
            throw SyncException.invalid("--movements " + movements + " must be 1 or more.");
        }
        if (timeoutSeconds < 1) {
            throw SyncException.invalid("--timeout-seconds " + timeoutSeconds + " must be 1 or more.");
        }
        requireEmptyWorkDir();
        int n = movements != null ? movements : Math.max(2000, faults * 40);
        Path dir = workDir != null ? workDir : Files.createTempDirectory("wedge-bench-sync");
        return new FaultPlan(n, faults, seed != null ? seed : System.nanoTime(), dir, Duration.ofSeconds(timeoutSeconds));
    }
}
