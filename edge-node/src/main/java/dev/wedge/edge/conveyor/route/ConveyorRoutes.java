package dev.wedge.edge.conveyor.route;

import dev.wedge.edge.conveyor.Induction;
import dev.wedge.edge.conveyor.JdbcLineStates;
import dev.wedge.edge.conveyor.PlcSettings;
import dev.wedge.edge.conveyor.SorterNodes;
import dev.wedge.edge.conveyor.decision.Decision;
import dev.wedge.edge.conveyor.decision.JdbcDecisionLog;
import dev.wedge.edge.conveyor.decision.SortDecider;
import dev.wedge.edge.conveyor.decision.TrackingWindow;
import dev.wedge.edge.conveyor.opcua.InductionCodec;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.support.AsyncProcessorSupport;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of one sorter PLC, on camel-milo's {@code milo-client:} endpoints:
 * <ul>
 *   <li>induction: each scan is decoded, checked against the {@link TrackingWindow} (a parcel is decided once),
 *       decided by the {@link SortDecider} within the budget, and its tracking id written to the chosen lane's
 *       divert request node; the decision, with the write's round trip, goes to the {@link JdbcDecisionLog};</li>
 *   <li>line state: every PackML state change is stored in {@link JdbcLineStates}.</li>
 * </ul>
 * A failed divert write is recorded as such and not retried: by the time a retry could land the parcel has
 * passed the divert, and the PLC sends it to its reject lane by itself.
 */
public final class ConveyorRoutes extends RouteBuilder {

    /** The exchange property holding the {@link Decision}. */
    public static final String DECISION = "WedgeConveyorDecision";
    static final String LANE = "WedgeConveyorLane";
    private static final String WRITE_STARTED = "WedgeConveyorWriteStarted";
    private static final Logger LOG = LoggerFactory.getLogger(ConveyorRoutes.class);
    private static final int CALLING = 0;
    private static final int DECIDED_WHILE_CALLING = 1;
    private static final int RETURNED = 2;

    private final PlcSettings plc;
    private final SortDecider decider;
    private final TrackingWindow window;
    private final JdbcDecisionLog log;
    private final JdbcLineStates lineStates;
    private final SorterCounters counters;
    private final Clock clock;

    public ConveyorRoutes(PlcSettings plc, SortDecider decider, TrackingWindow window, JdbcDecisionLog log,
                          JdbcLineStates lineStates, SorterCounters counters, Clock clock) {
        this.plc = plc;
        this.decider = decider;
        this.window = window;
        this.log = log;
        this.lineStates = lineStates;
        this.counters = counters;
        this.clock = clock;
    }

    /** The {@code milo-client:} URI of one of this PLC's nodes. */
    public static String uri(PlcSettings plc, String node, String options) {
        return "milo-client:" + plc.endpoint() + "?clientId=" + plc.plcId() + "&node=" + SorterNodes.camelNode(node)
                + (options.isEmpty() ? "" : "&" + options);
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true).process(this::failed);

        ChoiceDefinition lanes = from(uri(plc, SorterNodes.INDUCTION, "samplingInterval=" + plc.sampling().toMillis()))
                .routeId("conveyor-" + plc.plcId() + "-induction")
                .process(new DecideStep())
                .choice();
        for (int lane = 1; lane <= plc.lanes(); lane++) {
            lanes.when(header(LANE).isEqualTo(lane))
                    .to(uri(plc, SorterNodes.divertRequest(lane), "defaultAwaitWrites=true"));
        }
        lanes.end().process(this::sent);

        from(uri(plc, SorterNodes.LINE_STATE, "samplingInterval=0"))
                .routeId("conveyor-" + plc.plcId() + "-line-state")
                .process(this::lineState);
    }

    /**
     * Decodes, de-duplicates and decides one scan. The route carries on (to the lane's divert write) on whichever
     * thread the {@link SortDecider} decides on, so a parcel needs no further hand-off between its lookup and
     * its write.
     */
    private final class DecideStep extends AsyncProcessorSupport {
        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            long arrived = System.nanoTime();
            Induction parcel = admit(exchange);
            if (parcel == null) {
                exchange.setRouteStop(true);
                callback.done(true);
                return true;
            }
            // Camel needs to know whether the exchange is done when process returns (true) or later (false).
            AtomicInteger state = new AtomicInteger(CALLING);
            decider.decide(parcel, arrived, d -> {
                decided(exchange, parcel, d);
                if (!state.compareAndSet(CALLING, DECIDED_WHILE_CALLING)) {
                    callback.done(false);
                }
            });
            if (state.compareAndSet(CALLING, RETURNED)) {
                return false;
            }
            callback.done(true);
            return true;
        }
    }

    /** The scan in the exchange, or null when it is unreadable or was decided before. */
    private Induction admit(Exchange exchange) {
        DataValue value = exchange.getMessage().getBody(DataValue.class);
        Induction parcel;
        try {
            parcel = InductionCodec.decode(value);
        } catch (IllegalArgumentException e) {
            // The first value of a fresh sorter is empty; anything else unreadable is counted and skipped.
            if (value != null && value.getValue() != null && value.getValue().isNotNull()) {
                counters.unreadable();
                LOG.warn("PLC {}: unreadable induction value: {}", plc.plcId(), e.getMessage());
            }
            return null;
        }
        if (!window.firstTime(parcel.trackingId(), parcel.inductedAt())) {
            counters.repeated();
            return null;
        }
        return parcel;
    }

    private void decided(Exchange exchange, Induction parcel, Decision d) {
        counters.decided(d.reason());
        exchange.setProperty(DECISION, d);
        exchange.getMessage().setHeader(LANE, d.lane());
        exchange.getMessage().setBody(UInteger.valueOf(parcel.trackingId()));
        exchange.setProperty(WRITE_STARTED, System.nanoTime());
    }

    private void sent(Exchange exchange) {
        Decision d = exchange.getProperty(DECISION, Decision.class);
        long started = exchange.getProperty(WRITE_STARTED, Long.class);
        counters.sent();
        log.record(d, (System.nanoTime() - started) / 1000, null);
    }

    private void failed(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Decision d = exchange.getProperty(DECISION, Decision.class);
        String why = cause == null ? "unknown failure" : cause.getMessage() == null ? cause.toString() : cause.getMessage();
        if (d == null) {
            LOG.warn("PLC {}: conveyor route failed before deciding: {}", plc.plcId(), why);
            return;
        }
        counters.failed();
        LOG.warn("PLC {}: divert of tracking id {} to lane {} failed: {}", plc.plcId(), d.parcel().trackingId(),
                d.lane(), why);
        log.record(d, null, why);
    }

    private void lineState(Exchange exchange) throws Exception {
        DataValue value = exchange.getMessage().getBody(DataValue.class);
        if (value != null && value.getValue() != null && value.getValue().getValue() instanceof Number n) {
            lineStates.record(plc.plcId(), n.intValue(), Instant.now(clock));
        }
    }
}
