package dev.wedge.edge.dispatch.hq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wedge.sync.hq.HqStore;
import dev.wedge.sync.hq.StoredRecord;
import dev.wedge.sync.hq.WarehouseSummary;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatch at HQ, for drivers on the road and for HQ's reports. Each warehouse that syncs gets a copy of its
 * dispatch tables (a schema of HQ's dispatch database), kept up to date by applying the warehouse's synced
 * {@code dispatch.*} records in sequence order; from it HQ serves the same driver app as the edge under
 * {@code /warehouses/{id}/driver/}, and relays what drivers do back to the warehouse on the downward feed.
 *
 * <p>Mount {@link #handler()} in the HQ server before it starts, then {@link #start} with the server's store.
 * Thread-safe.
 */
public final class HqDispatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HqDispatch.class);
    private static final int PAGE = 500;

    private final String dbUrl;
    private final Clock clock;
    private final Map<String, HqWarehouse> warehouses = new ConcurrentHashMap<>();
    private final HqEventApplier applier = new HqEventApplier();
    private final ObjectMapper json = new ObjectMapper();
    private volatile HqStore store;
    private ScheduledExecutorService projector;

    /** @param dbUrl HQ's dispatch database (embedded Derby), one schema per warehouse */
    public HqDispatch(String dbUrl, Clock clock) {
        if (dbUrl == null || !dbUrl.startsWith("jdbc:derby:")) {
            throw new IllegalArgumentException("HQ's dispatch database must be a jdbc:derby: URL, got '" + dbUrl + "'");
        }
        this.dbUrl = dbUrl;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The web side: the driver app per warehouse, and the dispatch reports. */
    public Handler handler() {
        return new HqDispatchPortal(this);
    }

    /** Starts applying synced records every {@code every}. */
    public synchronized HqDispatch start(HqStore hqStore, Duration every) {
        this.store = Objects.requireNonNull(hqStore, "hqStore");
        projector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hq-dispatch-projection");
            t.setDaemon(true);
            return t;
        });
        projector.scheduleWithFixedDelay(this::projectQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Applies every synced dispatch record not applied yet; returns how many records were looked at. */
    public synchronized int project() throws Exception {
        HqStore s = requireStore();
        int seen = 0;
        for (WarehouseSummary w : s.warehouses()) {
            seen += project(warehouse(w.warehouseId()).orElseThrow(), s);
        }
        return seen;
    }

    private int project(HqWarehouse w, HqStore s) throws Exception {
        int seen = 0;
        while (true) {
            // Only the gap-free prefix: a record sent early by priority waits for the ones before it.
            long through = s.contiguousThrough(w.warehouseId());
            int page = w.tx().inTransaction(c -> {
                long after;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT applied_through FROM dispatch_hq_cursor WHERE id = 1");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    after = rs.getLong(1);
                }
                if (after >= through) {
                    return 0;
                }
                List<StoredRecord> records = s.records(w.warehouseId(), after, PAGE);
                long last = after;
                int n = 0;
                for (StoredRecord r : records) {
                    if (r.seq() > through) {
                        break;
                    }
                    if (r.kind().startsWith("dispatch.")) {
                        apply(c, r);
                    }
                    last = r.seq();
                    n++;
                }
                HqEventApplier.update(c, "UPDATE dispatch_hq_cursor SET applied_through = ? WHERE id = 1", last);
                return n;
            });
            seen += page;
            if (page == 0) {
                return seen;
            }
        }
    }

    private void apply(java.sql.Connection c, StoredRecord r) throws java.sql.SQLException {
        JsonNode p;
        try {
            p = json.readTree(r.payload());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // The edge wrote it; HQ stores it as sent. One unreadable event must not stop the warehouse's copy.
            LOG.warn("{} record {} is not JSON and is left out of HQ's dispatch copy", r.warehouseId(), r.key());
            return;
        }
        java.sql.Savepoint before = c.setSavepoint();
        try {
            applier.apply(c, r.kind(), p);
        } catch (RuntimeException e) {
            c.rollback(before);
            LOG.warn("{} record {} ({}) cannot be applied and is left out of HQ's dispatch copy: {}",
                    r.warehouseId(), r.key(), r.kind(), e.toString());
        } catch (java.sql.SQLException e) {
            if (!dev.wedge.sync.edge.InboundPuller.isDataError(e)) {
                throw e; // the database may work again: the page is retried
            }
            // A value HQ's copy can never hold fails on every retry; the record stays in HQ's ledger.
            c.rollback(before);
            LOG.warn("{} record {} ({}) holds a value HQ's dispatch copy cannot store, left out: SQLSTATE {} {}",
                    r.warehouseId(), r.key(), r.kind(), e.getSQLState(), e.getMessage());
        }
    }

    private void projectQuietly() {
        try {
            project();
        } catch (Exception e) {
            // The cursor did not move: the same records are tried again next round.
            LOG.warn("HQ dispatch projection failed, will retry: {}", e.toString(), e);
        }
    }

    /** The warehouse's copy, created on first use; empty for a warehouse that never synced. */
    Optional<HqWarehouse> warehouse(String warehouseId) {
        HqStore s = store;
        if (s == null || !warehouseId.matches("[A-Za-z0-9._-]{1,64}")) {
            return Optional.empty();
        }
        HqWarehouse known = warehouses.get(warehouseId);
        if (known != null) {
            return Optional.of(known);
        }
        if (s.warehouse(warehouseId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(warehouses.computeIfAbsent(warehouseId, id -> new HqWarehouse(dbUrl, id, s, clock)));
    }

    /** Every warehouse that has synced, by id. */
    List<String> warehouseIds() {
        return requireStore().warehouses().stream().map(WarehouseSummary::warehouseId).toList();
    }

    private HqStore requireStore() {
        HqStore s = store;
        if (s == null) {
            throw new IllegalStateException("HQ dispatch has not been started");
        }
        return s;
    }

    @Override
    public synchronized void close() {
        if (projector != null) {
            projector.shutdownNow();
            try {
                projector.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
