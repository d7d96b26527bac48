package dev.wedge.edge.cli;

import dev.wedge.sync.hq.HqServer;
import dev.wedge.sync.hq.HqSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./wedge hq --config FILE}: the HQ server that receives every warehouse's records. */
@Command(name = "hq", mixinStandardHelpOptions = true, description = "Run the HQ server (Jetty, embedded Derby by default).")
public final class HqCommand implements Callable<Integer> {

    private static final Set<String> KEYS = Set.of("hq.host", "hq.port", "data.dir", "db.url");

    @Option(names = "--config", required = true, description = "HQ configuration (properties), see config/hq.example.properties")
    Path config;

    @Override
    public Integer call() throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            System.err.println("wedge hq: cannot read " + config + ": " + e.getMessage());
            return 2;
        }
        List<String> problems = new ArrayList<>();
        p.stringPropertyNames().stream().filter(k -> !KEYS.contains(k)).sorted()
                .forEach(k -> problems.add("unknown key " + k));
        int port = -1;
        try {
            port = Integer.parseInt(p.getProperty("hq.port", "8081").trim());
            if (port < 0 || port > 65535) {
                problems.add("hq.port " + port + " is outside 0..65535");
            }
        } catch (NumberFormatException e) {
            problems.add("hq.port '" + p.getProperty("hq.port") + "' is not a whole number");
        }
        if (!problems.isEmpty()) {
            problems.forEach(m -> System.err.println("wedge hq: " + config + ": " + m));
            return 2;
        }
        Path dataDir = Path.of(p.getProperty("data.dir", "data").trim());
        String url = p.getProperty("db.url", "jdbc:derby:" + dataDir.resolve("hq").toAbsolutePath() + ";create=true");
        HqServer hq;
        try {
            hq = new HqServer(new HqSettings(p.getProperty("hq.host", "127.0.0.1").trim(), port, url));
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
        System.out.println("HQ running: " + hq.uri());
        stopped.await();
        return 0;
    }
}
