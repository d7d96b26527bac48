package dev.wedge.edge.cli;

import dev.wedge.edge.config.ConfigException;
import dev.wedge.edge.config.HqConfigReader;
import dev.wedge.sync.hq.HqServer;
import dev.wedge.sync.hq.HqSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./wedge hq --config FILE}: the HQ server that receives every warehouse's records. */
@Command(name = "hq", mixinStandardHelpOptions = true,
        description = "Run the HQ server (Jetty; embedded Derby or PostgreSQL; mutual TLS by default).")
public final class HqCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "HQ configuration (properties), see config/hq.example.properties")
    Path config;

    @Override
    public Integer call() throws Exception {
        HqSettings settings;
        try {
            settings = HqConfigReader.read(config);
        } catch (ConfigException e) {
            e.problems().forEach(p -> System.err.println("wedge hq: " + config + ": " + p));
            return 2;
        }
        HqServer hq = new HqServer(settings);
        try {
            hq.start();
        } catch (Exception e) {
            System.err.println("wedge hq: cannot start: " + StartFailure.describe(e));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hq.stop();
            stopped.countDown();
        }, "hq-shutdown"));
        System.out.println("HQ running: " + hq.uri() + " (" + settings.security().transport() + ")");
        stopped.await();
        return 0;
    }
}
