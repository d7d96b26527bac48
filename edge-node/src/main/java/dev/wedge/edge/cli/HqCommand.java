package dev.wedge.edge.cli;

import dev.wedge.edge.config.ConfigException;
import dev.wedge.edge.config.HqConfigReader;
import dev.wedge.edge.dispatch.hq.HqDispatch;
import java.time.Clock;
import java.time.Duration;
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
        // Drivers on the road use HQ's copy of the driver app (/warehouses/<id>/driver/); see docs/dispatch.md.
        HqDispatch dispatch = new HqDispatch(dispatchDatabase(config), Clock.systemUTC());
        hq.mount(dispatch.handler());
        try {
            hq.start();
            dispatch.start(hq.store(), Duration.ofMillis(500));
        } catch (Exception e) {
            System.err.println("wedge hq: cannot start: " + StartFailure.describe(e));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dispatch.close();
            hq.stop();
            stopped.countDown();
        }, "hq-shutdown"));
        System.out.println("HQ running: " + hq.uri() + " (" + settings.security().transport() + ")");
        stopped.await();
        return 0;
    }

    /** HQ's dispatch copy lives in its own embedded database next to HQ's data ({@code data.dir}, default data). */
    static String dispatchDatabase(Path config) throws java.io.IOException {
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(config)) {
            p.load(in);
        }
        return "jdbc:derby:" + Path.of(p.getProperty("data.dir", "data")).resolve("hq-dispatch").toAbsolutePath()
                + ";create=true";
    }
}
