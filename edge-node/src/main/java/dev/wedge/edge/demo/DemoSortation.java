package dev.wedge.edge.demo;

import dev.wedge.edge.conveyor.sim.ConveyorSimulator;
import dev.wedge.edge.conveyor.sim.LabPki;
import dev.wedge.edge.conveyor.sim.ParcelOutcome;
import dev.wedge.edge.conveyor.sim.SorterModel;
import dev.wedge.edge.conveyor.sim.SorterSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The demo's sorter: a simulated 4-lane PLC (with a generous one-second decision window, so a busy laptop still
 * shows every parcel sorted) on a free port with freshly generated certificates, the edge
 * configuration that points at it (Basic256Sha256 SignAndEncrypt, X.509 identity), destinations for a few
 * barcodes, and a handful of sample parcels (known, unknown and unreadable) fed once the link is up.
 */
final class DemoSortation implements AutoCloseable {

    static final String PLC = "sorter-1";
    private static final String PASSWORD = "demo-only";
    /** Barcode (null: no-read) and the lane it should reach. */
    private static final Object[][] SAMPLES = {
            {"00106141410000000015", 1}, {"SHP-1001", 2}, {"SHP-1002", 3}, {"SHP-9999", 4}, {null, 4}};

    private final LabPki pki;
    private final ConveyorSimulator simulator;
    private final List<Long> sampleIds = new ArrayList<>();

    private DemoSortation(LabPki pki, ConveyorSimulator simulator) {
        this.pki = pki;
        this.simulator = simulator;
    }

    static DemoSortation start(Path dir, String nodeId) throws Exception {
        LabPki pki = LabPki.create(dir, "urn:wedge:edge:" + nodeId, PASSWORD);
        ConveyorSimulator sim = new ConveyorSimulator(new SorterModel(new SorterSettings(4, 4, Duration.ofSeconds(1)),
                Clock.systemUTC()), pki.simulatorTrustingWedge("demo-sorter"), "127.0.0.1", 0);
        sim.start();
        pki.trust(sim.certificate(), "demo-sorter");
        return new DemoSortation(pki, sim);
    }

    /** The {@code conveyor.sorter-1.*} keys of the demo's edge configuration. */
    Map<String, String> config(String nodeId) {
        Map<String, String> c = new LinkedHashMap<>();
        String p = "conveyor." + PLC + ".";
        c.put(p + "endpoint", simulator.endpointUrl());
        c.put(p + "discoveryEndpoint", simulator.discoveryUrl());
        c.put(p + "securityPolicy", "Basic256Sha256");
        c.put(p + "keyStore", pki.keyStore.toString());
        c.put(p + "keyStorePassword", PASSWORD);
        c.put(p + "applicationUri", "urn:wedge:edge:" + nodeId);
        c.put(p + "trustDir", pki.trustDir.toString());
        c.put(p + "lanes", "4");
        c.put(p + "defaultLane", "3");
        c.put(p + "rejectLane", "4");
        c.put(p + "rule.1.carrier", "DHL");
        c.put(p + "rule.1.lane", "1");
        c.put(p + "rule.2.route", "R7");
        c.put(p + "rule.2.lane", "2");
        return c;
    }

    static void seed(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO conveyor_sort_destination (barcode, barcode_kind, route, dock_door, carrier, destination,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
            for (String[] row : new String[][]{{"106141410000000015", "SSCC", "R1", "D1", "DHL", "Hamburg"},
                    {"SHP-1001", "SHIPMENT", "R7", "D2", "UPS", "Bremen"},
                    {"SHP-1002", "SHIPMENT", "R9", "D3", "UPS", "Kiel"}}) {
                for (int i = 0; i < row.length; i++) {
                    ps.setString(i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Scans the sample parcels, then keeps one parcel every three seconds coming for the supervisor view. */
    void feedSamples() {
        for (Object[] s : SAMPLES) {
            simulator.model().induce((String) s[0]).ifPresent(p -> sampleIds.add(p.trackingId()));
        }
        AtomicLong n = new AtomicLong();
        simulator.model().startFeed(1_200, () -> (String) SAMPLES[(int) (n.getAndIncrement() % SAMPLES.length)][0]);
    }

    /** Whether every sample parcel has passed its divert point. */
    boolean samplesDone() {
        return sampleIds.size() == SAMPLES.length
                && sampleIds.stream().allMatch(id -> simulator.model().outcome(id).isPresent());
    }

    /** Sample parcels that reached the lane their barcode should reach. */
    long samplesSorted() {
        long ok = 0;
        for (int i = 0; i < sampleIds.size(); i++) {
            int want = (Integer) SAMPLES[i][1];
            ok += simulator.model().outcome(sampleIds.get(i)).filter(ParcelOutcome::divertedAsRequested)
                    .filter(o -> o.reachedLane() == want).isPresent() ? 1 : 0;
        }
        return ok;
    }

    int sampleCount() {
        return SAMPLES.length;
    }

    String endpoint() {
        return simulator.endpointUrl();
    }

    @Override
    public void close() {
        simulator.close();
        simulator.model().close();
    }
}
