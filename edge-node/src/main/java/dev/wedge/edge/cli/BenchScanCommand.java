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
        String wrong = outOfRange();
        if (wrong != null) {
            System.err.println("wedge bench scan: " + wrong);
            return 2;
        }
        System.out.println(ScanBenchmark.run(new ScanBenchmark.Settings(clients, rate, seconds, warmUp,
                clientsInProcess)).toString());
        return 0;
    }

    /**
     * The first option outside what the benchmark can seed and run, or null. The bounds keep the seeded tasks
     * (rate times duration) in the hundreds of thousands at most, instead of overflowing or seeding for hours.
     */
    private String outOfRange() {
        if (clients < 1 || clients > 500) {
            return "--clients must be 1..500, not " + clients;
        }
        if (rate < 1 || rate > 2000) {
            return "--rate must be 1..2000 scans a second, not " + rate;
        }
        if (seconds < 1 || seconds > 600) {
            return "--seconds must be 1..600, not " + seconds;
        }
        if (warmUp < 0 || warmUp > 300) {
            return "--warm-up must be 0..300 seconds, not " + warmUp;
        }
        return null;
    }

    /** Runs the benchmark without the {@code ./wedge} launcher: {@code java -cp ... BenchScanCommand --rate 300}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new BenchScanCommand()).execute(args));
    }
}
