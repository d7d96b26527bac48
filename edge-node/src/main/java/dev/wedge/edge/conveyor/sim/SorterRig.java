package dev.wedge.edge.conveyor.sim;

import dev.wedge.edge.conveyor.LaneRule;
import dev.wedge.edge.conveyor.PlcSettings;
import dev.wedge.edge.conveyor.route.Conveyors;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A simulated sorter and Wedge's conveyor routes wired to it over a Basic256Sha256 SignAndEncrypt session with
 * freshly generated certificates: what the demo, the benchmark and the end-to-end tests run.
 */
public final class SorterRig implements AutoCloseable {

    /** The knobs a run turns. */
    public record Options(String plcId, SorterSettings sorter, Duration publishing, Duration budget, int defaultLane,
                          int rejectLane, List<LaneRule> rules, String securityPolicy) {
    }

    private final ConveyorSimulator simulator;
    private final PlcSettings plc;
    private final CamelContext camel;
    private final Conveyors conveyors;

    private SorterRig(ConveyorSimulator simulator, PlcSettings plc, CamelContext camel, Conveyors conveyors) {
        this.simulator = simulator;
        this.plc = plc;
        this.camel = camel;
        this.conveyors = conveyors;
    }

    /** Starts the simulator, then Camel with the conveyor routes, and waits until the session is up. */
    public static SorterRig start(Path dir, DataSource db, Options o, Duration connectTimeout) throws Exception {
        Clock clock = Clock.systemUTC();
        LabPki pki = LabPki.create(dir, "urn:wedge:edge:lab", "lab-only");
        ConveyorSimulator sim = new ConveyorSimulator(new SorterModel(o.sorter(), clock),
                pki.simulatorTrustingWedge("lab-sorter"), "127.0.0.1", 0);
        sim.start();
        pki.trust(sim.certificate(), "sorter");
        PlcSettings plc = new PlcSettings(o.plcId(), URI.create(sim.endpointUrl()), URI.create(sim.discoveryUrl()),
                Duration.ZERO, o.publishing(), o.budget(), pki.security(o.securityPolicy(), false, Optional.empty(), ""),
                o.sorter().lanes(), o.defaultLane(), o.rejectLane(), o.rules());
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("wedge-conveyor-" + o.plcId());
        Conveyors conveyors = new Conveyors(List.of(plc), db, clock);
        SorterRig rig = new SorterRig(sim, plc, camel, conveyors);
        try {
            conveyors.addTo(camel);
            camel.start();
            conveyors.start();
            rig.awaitConnected(connectTimeout);
            return rig;
        } catch (Exception e) {
            rig.close();
            throw e;
        }
    }

    /** Waits until the PLC session and its subscription are up. */
    public void awaitConnected(Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!connected()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("PLC " + plc.plcId() + " not connected within " + timeout + ": "
                        + conveyors.links().get(0).lastError());
            }
            Thread.sleep(20);
        }
    }

    public boolean connected() {
        return conveyors.links().get(0).connected();
    }

    public ConveyorSimulator simulator() {
        return simulator;
    }

    public SorterModel model() {
        return simulator.model();
    }

    public PlcSettings plc() {
        return plc;
    }

    public Conveyors conveyors() {
        return conveyors;
    }

    /** The CamelContext running the conveyor routes. */
    public CamelContext camel() {
        return camel;
    }

    @Override
    public void close() {
        try {
            camel.stop();
        } finally {
            conveyors.close();
            simulator.close();
            simulator.model().close();
        }
    }
}
