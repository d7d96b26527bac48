package dev.wedge.edge.web;

import dev.wedge.edge.app.EdgeNode;
import dev.wedge.edge.auth.Role;
import dev.wedge.edge.config.ConfigReader;
import dev.wedge.edge.demo.HandheldSample;
import dev.wedge.label.virtual.VirtualZebraPrinter;
import dev.wedge.sync.edge.JdbcOutbox;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A whole edge node on loopback for web tests: in-memory Derby, a virtual Zebra printer for packing labels, the
 * handheld sample warehouse with its three orders and two trucks, and one user per role (PIN 1234 + index).
 */
public final class NodeTestBed implements AutoCloseable {

    public static final Map<Role, String> BADGES = Map.of(Role.PICKER, "B-PICK", Role.PACKER, "B-PACK",
            Role.DOCK, "B-DOCK", Role.SUPERVISOR, "B-SUP", Role.ADMIN, "B-ADM", Role.DRIVER, "B-DRV");

    public final VirtualZebraPrinter printer = new VirtualZebraPrinter();
    public final EdgeNode node;
    private final Path dir;

    public NodeTestBed() throws Exception {
        this(true);
    }

    public NodeTestBed(boolean planWave) throws Exception {
        dir = Files.createTempDirectory("wedge-web");
        int printerPort = printer.start(0);
        Map<String, String> c = new LinkedHashMap<>();
        c.put("node.id", "WH-WEB");
        c.put("data.dir", dir.toString());
        c.put("db.url", "jdbc:derby:memory:web-" + UUID.randomUUID() + ";create=true");
        c.put("web.port", "0");
        c.put("gs1.companyPrefix", "0614141");
        c.put("receiving.shipFrom", "Wedge test DC");
        c.put("printer.dock-1.host", "127.0.0.1");
        c.put("printer.dock-1.port", Integer.toString(printerPort));
        c.put("handheld.duplicateWindowMillis", "0");
        node = new EdgeNode(ConfigReader.from(c), Clock.systemUTC()).start();
        HandheldSample.seed(node.floor().tx(), new JdbcOutbox("WH-WEB"), LocalDate.now(Clock.systemUTC()));
        HandheldSample.seedOrders(node.floor().orders());
        HandheldSample.seedTrucks(node.floor().loading());
        for (Role role : Role.values()) {
            node.floor().users().create(BADGES.get(role), role.wire() + " one", role, pin(role).toCharArray());
        }
        if (planWave) {
            node.floor().waves().planWaves();
        }
    }

    public static String pin(Role role) {
        return "1234" + role.ordinal();
    }

    public URI uri() {
        return node.webUri();
    }

    @Override
    public void close() throws Exception {
        node.close();
        printer.stop();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
