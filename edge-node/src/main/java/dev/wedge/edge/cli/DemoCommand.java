package dev.wedge.edge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.demo.Demo;
import dev.wedge.edge.demo.DemoScan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./wedge demo}: HQ, an edge node and simulated devices in one JVM, with a sample warehouse. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run HQ, an edge node and simulated devices (scanner on a pty, Zebra printer)"
        + " in one JVM on embedded databases under ./data/demo (emptied at each start).")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--once", description = "feed the sample scans, wait until HQ has every movement, print one"
            + " JSON summary and exit")
    boolean once;

    @Option(names = "--data", defaultValue = "data/demo", description = "data folder (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--edge-port", defaultValue = "8080", description = "edge web port (default: ${DEFAULT-VALUE};"
            + " --once uses a free port)")
    int edgePort;

    @Option(names = "--hq-port", defaultValue = "8081", description = "HQ port (default: ${DEFAULT-VALUE};"
            + " --once uses a free port)")
    int hqPort;

    @Option(names = "--timeout", defaultValue = "60", description = "seconds --once waits for HQ (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Demo created = new Demo(data, once ? 0 : edgePort, once ? 0 : hqPort);
        // Registered before anything starts, so Ctrl-C at any moment stops the devices, the node and HQ in order.
        Thread hook = new Thread(created::close, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Demo demo = created.start()) {
            if (!once) {
                System.out.println("Wedge demo running (Ctrl-C to stop)");
                System.out.println("  edge status page: " + demo.edgeUri().resolve("/status"));
                System.out.println("  edge status API:  " + demo.edgeUri().resolve("/api/status"));
                System.out.println("  HQ:               " + demo.hqUri());
                System.out.println("  handheld app:     " + demo.edgeUri().resolve("/app/"));
                System.out.println("  supervisor view:  " + demo.edgeUri().resolve("/supervisor/"));
                demo.handheldUsers().forEach((badge, pin) -> System.out.println("  user " + badge + " PIN " + pin));
            }
            List<DemoScan> scans = demo.feedSamples(Duration.ofMillis(once ? 20 : 700));
            boolean settled = demo.awaitSettled(scans.size(), Duration.ofSeconds(timeoutSeconds));
            ObjectNode summary = demo.summary();
            if (once) {
                summary.put("settled", settled);
                System.out.println(json.writeValueAsString(summary));
                if (!settled) {
                    System.err.println("wedge demo: HQ did not acknowledge every movement within " + timeoutSeconds + " s");
                    return 1;
                }
                return 0;
            }
            System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
            System.out.println("Sample scans fed; the demo keeps running so you can look around.");
            new CountDownLatch(1).await();
            return 0;
        } catch (java.io.IOException | dev.wedge.sync.SyncException e) {
            System.err.println("wedge demo: " + e.getMessage());
            return 1;
        }
    }
}
