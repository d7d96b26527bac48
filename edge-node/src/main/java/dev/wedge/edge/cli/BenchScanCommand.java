package dev.wedge.edge.cli;

import dev.wedge.edge.bench.ScanBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./wedge bench scan}: drives the handheld scan API of a throw-away edge node with concurrent pickers and
 * prints one JSON object with p50/p90/p99 latency and throughput.
 */
@Command(name = "scan", description = "Benchmark the handheld scan API (durable file Derby) with concurrent"
        + " pickers; prints latency percentiles and throughput as JSON.")
public final class BenchScanCommand implements Callable<Integer> {

    @Option(names = "--clients", defaultValue = "16", description = "concurrent handhelds (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--rate", defaultValue = "300", description = "target scans per second, all handhelds together"
            + " (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--seconds", defaultValue = "20", description = "planned duration of the measured part"
            + " (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warm-up", defaultValue = "10", description = "seconds of the same load first, reported apart"
            + " and not measured (default: ${DEFAULT-VALUE}; 0 measures from a cold start)")
    int warmUp;

    @Option(names = "--clients-in-process", description = "run the simulated handhelds in the node's JVM instead of"
            + " a JVM of their own")
    boolean clientsInProcess;

    @Override
    public Integer call() throws Exception {
        ScanBenchmark.Settings settings;
        try {
            settings = new ScanBenchmark.Settings(clients, rate, seconds, warmUp, clientsInProcess);
        } catch (IllegalArgumentException e) {
            System.err.println("wedge bench scan: " + e.getMessage());
            return 2;
        }
        System.out.println(ScanBenchmark.run(settings).toString());
        return 0;
    }

    /** Runs the benchmark without the {@code ./wedge} launcher: {@code java -cp ... BenchScanCommand --rate 300}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new BenchScanCommand()).execute(args));
    }
}
