package dev.wedge.sync.hq;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import dev.wedge.sync.wire.Ack;
import dev.wedge.sync.wire.Batch;
import dev.wedge.sync.wire.InboundPage;
import dev.wedge.sync.wire.Names;
import dev.wedge.sync.wire.RecordEnvelope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * {@link HqStore} over JDBC, using SQL that embedded Derby and PostgreSQL both accept. The schema comes from
 * {@link HqSchema}. Each {@link #store} call is one transaction; a deadlock or serialisation failure is retried
 * a few times before it is reported.
 */
public class JdbcHqStore implements HqStore {
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "40XL1", "40XL2");
    private static final int ATTEMPTS = 3;
    private static final String COLUMNS =
            "warehouse_id, seq, idem_key, kind, priority, payload, created_at, received_at";

    private final DataSource dataSource;
    private final JdbcHqReports reports;
    private final JdbcOutboundQueue outbound;

    /** A store over a database whose schema {@link HqSchema} has migrated. */
    public JdbcHqStore(DataSource dataSource) {
        this.dataSource = java.util.Objects.requireNonNull(dataSource, "dataSource");
        this.reports = new JdbcHqReports(dataSource);
        this.outbound = new JdbcOutboundQueue(dataSource);
    }

    @Override
    public long publish(String warehouseId, String kind, String entityKey, String payloadJson) {
        return outbound.publish(warehouseId, kind, entityKey, payloadJson, Instant.now());
    }

    @Override
    public InboundPage inbound(String warehouseId, long after, int limit) {
        return outbound.page(warehouseId, after, positive(limit));
    }

    @Override
    public void acknowledgeInbound(String warehouseId, long through) {
        outbound.acknowledge(Names.requireWarehouseId(warehouseId), through, Instant.now());
    }

    @Override
    public long inboundAckedThrough(String warehouseId) {
        return outbound.ackedThrough(warehouseId);
    }

    @Override
    public List<WarehouseReport> warehouseReports(Instant now) {
        return reports.warehouses(now);
    }

    @Override
    public List<HourlyCount> hourly(String kind, Instant from, Instant to) {
        return reports.hourly(kind, from, to);
    }

    @Override
    public List<StockLevel> stock() {
        return reports.stock();
    }

    @Override
    public List<ShipmentStats> shipments() {
        return reports.shipments();
    }

    @Override
    public List<Ack> store(Batch batch, Instant receivedAt) {
        String warehouseId = batch.warehouseId();
        List<RecordEnvelope> records = batch.records();
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    List<Ack> acks = new BatchWriter(c, batch, receivedAt).write();
                    c.commit();
                    return acks;
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                last = e;
                if (!TRANSIENT_STATES.contains(e.getSQLState())) {
                    break;
                }
            }
        }
        throw new SyncException(SyncErrorCode.STORAGE_FAILED,
                "Cannot store a batch of " + records.size() + " records from " + warehouseId, last);
    }

    @Override
    public long count(String warehouseId) {
        return queryLong("SELECT record_count FROM hq_warehouse WHERE warehouse_id = ?", warehouseId);
    }

    @Override
    public long count(String warehouseId, String kind) {
        return queryLong("SELECT record_count FROM hq_kind_count WHERE warehouse_id = ? AND kind = ?",
                warehouseId, kind);
    }

    @Override
    public long contiguousThrough(String warehouseId) {
        return queryLong("SELECT contiguous_through FROM hq_warehouse WHERE warehouse_id = ?", warehouseId);
    }

    @Override
    public List<StoredRecord> records(String warehouseId) {
        return queryRecords("SELECT " + COLUMNS + " FROM hq_record WHERE warehouse_id = ? ORDER BY seq",
                warehouseId);
    }

    @Override
    public List<StoredRecord> records(String warehouseId, long afterSeq, int limit) {
        return queryRecords("SELECT " + COLUMNS + " FROM hq_record WHERE warehouse_id = ? AND seq > ?"
                + " ORDER BY seq FETCH FIRST " + positive(limit) + " ROWS ONLY", warehouseId, afterSeq);
    }

    /**
     * Reads the newest {@code limit} records of each warehouse by sequence (a backward scan of the primary key)
     * and keeps the {@code limit} received last. Records are received in sequence order except when HQ fills a
     * gap after a restore; such a record shows here only while it is among its warehouse's newest.
     */
    @Override
    public List<StoredRecord> recent(int limit) {
        positive(limit);
        List<StoredRecord> out = new ArrayList<>();
        for (String id : warehouseIds()) {
            out.addAll(queryRecords("SELECT " + COLUMNS + " FROM hq_record WHERE warehouse_id = ? ORDER BY seq DESC"
                    + " FETCH FIRST " + limit + " ROWS ONLY", id));
        }
        out.sort(Comparator.comparing(StoredRecord::receivedAt).reversed()
                .thenComparing(StoredRecord::warehouseId)
                .thenComparing(Comparator.comparingLong(StoredRecord::seq).reversed()));
        return List.copyOf(out.subList(0, Math.min(limit, out.size())));
    }

    private List<String> warehouseIds() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT warehouse_id FROM hq_warehouse");
                ResultSet rs = ps.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new SyncException(SyncErrorCode.STORAGE_FAILED, "Cannot read the warehouse ids", e);
        }
    }

    @Override
    public List<WarehouseSummary> warehouses() {
        return summaries(null);
    }

    @Override
    public Optional<WarehouseSummary> warehouse(String warehouseId) {
        return summaries(warehouseId).stream().findFirst();
    }

    private List<WarehouseSummary> summaries(String only) {
        String where = only == null ? "" : " WHERE w.warehouse_id = ?";
        Object[] args = only == null ? new Object[0] : new Object[] {only};
        try (Connection c = dataSource.getConnection()) {
            Map<String, Map<String, Long>> kinds = kindCounts(c, where.replace("w.", ""), args);
            List<WarehouseSummary> out = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, "SELECT w.warehouse_id, w.record_count, w.first_contact_at,"
                    + " w.last_contact_at, w.contiguous_through,"
                    + " (SELECT MAX(r.seq) FROM hq_record r WHERE r.warehouse_id = w.warehouse_id)"
                    + " FROM hq_warehouse w" + where + " ORDER BY w.warehouse_id", args);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    out.add(new WarehouseSummary(id, rs.getLong(2), rs.getTimestamp(3).toInstant(),
                            rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getLong(6),
                            kinds.getOrDefault(id, Map.of())));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new SyncException(SyncErrorCode.STORAGE_FAILED, "Cannot read warehouse summaries", e);
        }
    }

    private Map<String, Map<String, Long>> kindCounts(Connection c, String where, Object[] args) throws SQLException {
        Map<String, Map<String, Long>> kinds = new HashMap<>();
        try (PreparedStatement ps = prepare(c, "SELECT warehouse_id, kind, record_count FROM hq_kind_count" + where,
                args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                kinds.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
            }
        }
        return kinds;
    }

    /** Runs a query with the given arguments and returns its first column, or 0 when it has no row. */
    protected long queryLong(String sql, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = prepare(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
        } catch (SQLException e) {
            throw new SyncException(SyncErrorCode.STORAGE_FAILED, "Query failed: " + sql, e);
        }
    }

    private List<StoredRecord> queryRecords(String sql, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = prepare(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            List<StoredRecord> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new StoredRecord(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant()));
            }
            return out;
        } catch (SQLException e) {
            throw new SyncException(SyncErrorCode.STORAGE_FAILED, "Query failed: " + sql, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private static int positive(int limit) {
        if (limit < 1) {
            throw SyncException.invalid("Limit " + limit + " must be 1 or more.");
        }
        return limit;
    }
}
