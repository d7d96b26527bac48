package dev.wedge.edge.conveyor.route;

import dev.wedge.edge.conveyor.decision.DecisionReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Running counts for one sorter, for metrics and the supervisor view. Thread-safe. */
public final class SorterCounters {

    private final Map<DecisionReason, AtomicLong> byReason = new EnumMap<>(DecisionReason.class);
    private final AtomicLong repeated = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public SorterCounters() {
        for (DecisionReason r : DecisionReason.values()) {
            byReason.put(r, new AtomicLong());
        }
    }

    void decided(DecisionReason reason) {
        byReason.get(reason).incrementAndGet();
    }

    void repeated() {
        repeated.incrementAndGet();
    }

    void unreadable() {
        unreadable.incrementAndGet();
    }

    void sent() {
        sent.incrementAndGet();
    }

    void failed() {
        failed.incrementAndGet();
    }

    public long decisions(DecisionReason reason) {
        return byReason.get(reason).get();
    }

    /** Notifications of a parcel already decided (after reconnects), skipped. */
    public long repeatedNotifications() {
        return repeated.get();
    }

    /** Induction values that could not be decoded. */
    public long unreadableValues() {
        return unreadable.get();
    }

    public long divertsSent() {
        return sent.get();
    }

    public long divertsFailed() {
        return failed.get();
    }
}
