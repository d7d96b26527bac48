package dev.wedge.edge.conveyor.sim;

import dev.wedge.edge.conveyor.Induction;
import dev.wedge.edge.conveyor.LineState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The belt of a simulated sorter: it scans parcels at the induction, takes divert requests per lane and, when a
 * parcel reaches its decision point ({@link SorterSettings#decisionWindow()} after the scan), sends it to the
 * requested lane, or to the reject lane when no request came in time. Every parcel's outcome is kept, with
 * timings, so a test can tell a late decision from a wrong one.
 *
 * <p>The model outlives its OPC UA server: stopping the server (a PLC restart, a cable pulled) pauses the feed
 * and keeps the tracking counter and the last induction, as a PLC's retentive memory would.
 */
public final class SorterModel implements AutoCloseable {

    private final SorterSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Map<Long, Parcel> onBelt = new HashMap<>();
    private final List<ParcelOutcome> outcomes = new ArrayList<>();
    private final Map<Long, Integer> requestCounts = new ConcurrentHashMap<>();
    private final AtomicLong strayRequests = new AtomicLong();
    private final long[] lanePhotoEyes;
    private long inductionPhotoEye;
    private long lastTrackingId;
    private LineState state = LineState.EXECUTE;
    private Induction lastInduction;
    private SorterOutputs outputs;
    private ScheduledFuture<?> feed;

    private static final class Parcel {
        final Induction induction;
        final long scannedNanos;
        int requestedLane;
        long requestNanos = -1;

        Parcel(Induction induction, long scannedNanos) {
            this.induction = induction;
            this.scannedNanos = scannedNanos;
        }
    }

    public SorterModel(SorterSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.lanePhotoEyes = new long[settings.lanes() + 1];
        this.timer = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "sorter-belt");
            t.setDaemon(true);
            return t;
        });
    }

    public SorterSettings settings() {
        return settings;
    }

    synchronized void attach(SorterOutputs out) {
        this.outputs = out;
        out.lineStateChanged(state);
        if (lastInduction != null) {
            out.inducted(lastInduction, inductionPhotoEye);
        }
    }

    synchronized void detach() {
        this.outputs = null;
    }

    /**
     * Scans one parcel now.
     *
     * @param barcode the label, or {@code null} for a no-read
     * @return the induction, or empty when the line is not in Execute or its OPC UA server is down
     */
    public synchronized Optional<Induction> induce(String barcode) {
        if (state != LineState.EXECUTE || outputs == null) {
            return Optional.empty();
        }
        lastTrackingId = lastTrackingId >= Induction.MAX_TRACKING_ID ? 1 : lastTrackingId + 1;
        Induction parcel = new Induction(lastTrackingId, barcode, Instant.now(clock), barcode == null);
        Parcel p = new Parcel(parcel, System.nanoTime());
        onBelt.put(parcel.trackingId(), p);
        lastInduction = parcel;
        inductionPhotoEye++;
        outputs.inducted(parcel, inductionPhotoEye);
        timer.schedule(() -> reachDecisionPoint(p), settings.decisionWindow().toNanos(), TimeUnit.NANOSECONDS);
        return Optional.of(parcel);
    }

    /** A divert request from the host: the parcel with this tracking id must leave at {@code lane}. */
    public synchronized void divertRequested(int lane, long trackingId) {
        long now = System.nanoTime();
        requestCounts.merge(trackingId, 1, Integer::sum);
        Parcel p = onBelt.get(trackingId);
        if (p == null || lane < 1 || lane > settings.lanes()) {
            strayRequests.incrementAndGet();
            return;
        }
        if (p.requestNanos < 0) {
            p.requestedLane = lane;
            p.requestNanos = now;
        }
    }

    private synchronized void reachDecisionPoint(Parcel p) {
        onBelt.remove(p.induction.trackingId());
        long decisionNanos = p.scannedNanos + settings.decisionWindow().toNanos();
        boolean requested = p.requestNanos >= 0;
        boolean late = requested && p.requestNanos > decisionNanos;
        int lane = requested && !late ? p.requestedLane : settings.rejectLane();
        lanePhotoEyes[lane]++;
        long now = System.nanoTime();
        outcomes.add(new ParcelOutcome(p.induction.trackingId(), p.induction.barcode(), p.induction.inductedAt(),
                p.requestedLane, requested ? (p.requestNanos - p.scannedNanos) / 1000 : -1, lane,
                (now - p.scannedNanos) / 1000, late));
        if (outputs != null) {
            outputs.leftAtLane(lane, p.induction.trackingId(), lanePhotoEyes[lane]);
        }
    }

    /** Moves the line to another PackML state; only Execute inducts parcels. */
    public synchronized void setLineState(LineState next) {
        state = next;
        if (outputs != null) {
            outputs.lineStateChanged(next);
        }
    }

    public synchronized LineState lineState() {
        return state;
    }

    /** Inducts a parcel from {@code barcodes} (null for a no-read) at the given rate until {@link #stopFeed()}. */
    public synchronized void startFeed(long parcelsPerHour, Supplier<String> barcodes) {
        if (parcelsPerHour < 1 || parcelsPerHour > 3_600_000) {
            throw new IllegalArgumentException("feed rate must be 1..3600000 parcels an hour, not " + parcelsPerHour);
        }
        stopFeed();
        long period = 3_600_000_000_000L / parcelsPerHour;
        feed = timer.scheduleAtFixedRate(() -> induce(barcodes.get()), period, period, TimeUnit.NANOSECONDS);
    }

    public synchronized void stopFeed() {
        if (feed != null) {
            feed.cancel(false);
            feed = null;
        }
    }

    /** Outcomes of every parcel that has passed its decision point, in that order. */
    public synchronized List<ParcelOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    public synchronized Optional<ParcelOutcome> outcome(long trackingId) {
        return outcomes.stream().filter(o -> o.trackingId() == trackingId).reduce((a, b) -> b);
    }

    /** How many divert requests the host sent for this tracking id. */
    public int requestsFor(long trackingId) {
        return requestCounts.getOrDefault(trackingId, 0);
    }

    /** Tracking ids the host asked to divert more than once. */
    public List<Long> trackingIdsRequestedTwice() {
        return requestCounts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted()
                .toList();
    }

    /** Requests for parcels that were no longer (or never) on the belt. */
    public long strayRequests() {
        return strayRequests.get();
    }

    public synchronized long photoEye(int lane) {
        return lanePhotoEyes[lane];
    }

    public synchronized long inductionPhotoEye() {
        return inductionPhotoEye;
    }

    /** Parcels scanned whose decision point is still ahead. */
    public synchronized int onBelt() {
        return onBelt.size();
    }

    @Override
    public void close() {
        stopFeed();
        timer.shutdownNow();
    }
}
