package dev.wedge.edge.cli;

import dev.wedge.edge.app.EdgeNode;
import dev.wedge.edge.config.ConfigException;
import dev.wedge.edge.config.ConfigReader;
import dev.wedge.edge.config.EdgeConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs a real edge node from a configuration file until the process is stopped. */
@Command(name = "edge", mixinStandardHelpOptions = true, description = "Run an edge node with the devices and HQ of a configuration file.")
public final class EdgeCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "edge configuration (properties), see config/edge.example.properties")
    Path config;

    @Override
    public Integer call() throws Exception {
        EdgeConfig cfg;
        try {
            cfg = ConfigReader.read(config);
        } catch (ConfigException e) {
            e.problems().forEach(p -> System.err.println("wedge edge: " + config + ": " + p));
            return 2;
        }
        EdgeNode node;
        try {
            node = new EdgeNode(cfg, Clock.systemUTC()).start();
        } catch (Exception e) {
            System.err.println("wedge edge: cannot start node " + cfg.nodeId() + ": " + StartFailure.describe(e));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "edge-shutdown"));
        System.out.println("edge node " + cfg.nodeId() + " running: " + node.webUri());
        stopped.await();
        return 0;
    }
}
