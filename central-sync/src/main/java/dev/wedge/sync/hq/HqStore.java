package dev.wedge.sync.hq;

import dev.wedge.sync.wire.Ack;
import dev.wedge.sync.wire.Batch;
import dev.wedge.sync.wire.InboundPage;
import dev.wedge.sync.wire.RecordEnvelope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where HQ keeps every warehouse's records, each exactly once. Implementations: {@link JdbcHqStore} (embedded
 * Derby) and {@link PostgresHqStore}. All methods are thread-safe; failures are
 * {@link dev.wedge.sync.SyncException}s with code {@code STORAGE_FAILED}.
 */
public interface HqStore {

    /**
     * Stores the records of one batch in one transaction and answers one ack per record, in batch order.
     * A record already held (same warehouse and sequence, same content) is acknowledged exactly as the first
     * time; one that reuses a sequence with different content, or whose key is not {@code <warehouse>:<seq>},
     * is rejected and changes nothing. Also records the contact time, even for an empty batch.
     */
    List<Ack> store(Batch batch, Instant receivedAt);

    /** Same as {@link #store(Batch, Instant)} for a batch without backlog information. */
    default List<Ack> store(String warehouseId, List<RecordEnvelope> records, Instant receivedAt) {
        return store(new Batch(warehouseId, records), receivedAt);
    }

    /** Records stored for the warehouse. */
    long count(String warehouseId);

    /** Records of one kind stored for the warehouse. */
    long count(String warehouseId, String kind);

    /** Every record of the warehouse in sequence order. */
    List<StoredRecord> records(String warehouseId);

    /** Up to {@code limit} records of the warehouse with sequence above {@code afterSeq}, in sequence order. */
    List<StoredRecord> records(String warehouseId, long afterSeq, int limit);

    /** The most recently received records across all warehouses, newest first. */
    List<StoredRecord> recent(int limit);

    /** Every warehouse that has ever sent a batch, ordered by id. */
    List<WarehouseSummary> warehouses();

    /** One warehouse, if it has ever sent a batch. */
    Optional<WarehouseSummary> warehouse(String warehouseId);

    /** Every sequence 1..n of the warehouse is stored; 0 when none or when 1 is missing. */
    long contiguousThrough(String warehouseId);

    /** Per warehouse: last contact and the backlog size and age the edge last reported. */
    List<WarehouseReport> warehouseReports(Instant now);

    /** Records of one kind per warehouse and hour of creation, for hours starting in [from, to). */
    List<HourlyCount> hourly(String kind, Instant from, Instant to);

    /** Stock by warehouse and product, summed from {@code movement} records. */
    List<StockLevel> stock();

    /** Shipments, deliveries and on-time rate per warehouse. */
    List<ShipmentStats> shipments();

    /**
     * Publishes a message down to one warehouse, or to all when {@code warehouseId} is null, and returns its
     * cursor. Cursors increase in commit order without gaps.
     */
    long publish(String warehouseId, String kind, String entityKey, String payloadJson);

    /** Up to {@code limit} messages for the warehouse with cursor above {@code after}, in cursor order. */
    InboundPage inbound(String warehouseId, long after, int limit);

    /** Records that the warehouse applied every message up to {@code through} (never moves backwards). */
    void acknowledgeInbound(String warehouseId, long through);

    /** The highest cursor the warehouse acknowledged, 0 when none. */
    long inboundAckedThrough(String warehouseId);
}
