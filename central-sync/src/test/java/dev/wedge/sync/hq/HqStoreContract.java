package dev.wedge.sync.hq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.wire.Ack;
import dev.wedge.sync.wire.AckStatus;
import dev.wedge.sync.wire.RecordEnvelope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link HqStore} must show; each implementation's test extends this class. */
public abstract class HqStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    protected HqStore store;
    private String warehouse;

    /** A new, empty store (or one whose other warehouses do not matter). */
    protected abstract HqStore newStore();

    @BeforeEach
    void givenAnEmptyStore() {
        store = newStore();
        warehouse = "WH-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private RecordEnvelope record(long seq, String kind, String payload) {
        return new RecordEnvelope(seq, warehouse + ":" + seq, kind, 5, T0.plusSeconds(seq), payload);
    }

    private List<RecordEnvelope> movements(long from, long to) {
        List<RecordEnvelope> out = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            out.add(record(s, "movement", "{\"n\":" + s + "}"));
        }
        return out;
    }

    private List<Ack> whenStored(List<RecordEnvelope> records, Instant at) {
        return store.store(warehouse, records, at.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void recentListsTheLastReceivedRecordsAcrossWarehousesNewestFirst() {
        // Later than anything other tests (or earlier runs on a shared database) stored.
        Instant t = Instant.now().plus(36_500, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        String other = "WH-" + UUID.randomUUID().toString().substring(0, 8);
        whenStored(movements(1, 3), t);
        store.store(other, List.of(new RecordEnvelope(1, other + ":1", "movement", 5, T0, "{}"),
                new RecordEnvelope(2, other + ":2", "movement", 5, T0, "{}")), t.plusSeconds(1));
        whenStored(movements(4, 4), t.plusSeconds(2));

        assertThat(store.recent(4)).extracting(StoredRecord::key)
                .containsExactly(warehouse + ":4", other + ":2", other + ":1", warehouse + ":3");
    }

    @Test
    void storesEachRecordOnceAndAcknowledgesEveryOne() {
        List<Ack> acks = whenStored(movements(1, 5), T0);

        assertThat(acks).extracting(Ack::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(acks).allMatch(Ack::stored);
        assertThat(store.records(warehouse)).extracting(StoredRecord::key)
                .containsExactly(warehouse + ":1", warehouse + ":2", warehouse + ":3", warehouse + ":4",
                        warehouse + ":5");
        assertThat(store.count(warehouse)).isEqualTo(5);
        assertThat(store.count(warehouse, "movement")).isEqualTo(5);
        assertThat(store.contiguousThrough(warehouse)).isEqualTo(5);
    }

    @Test
    void repeatedBatchIsAnsweredWithTheSameAcksAndStoresNothingNew() {
        List<Ack> first = whenStored(movements(1, 3), T0);
        List<Ack> again = whenStored(movements(1, 3), T0.plusSeconds(60));

        assertThat(again).isEqualTo(first);
        assertThat(store.count(warehouse)).isEqualTo(3);
        assertThat(store.records(warehouse)).extracting(StoredRecord::receivedAt).containsOnly(T0);
    }

    @Test
    void overlappingBatchStoresOnlyTheNewRecords() {
        whenStored(movements(1, 3), T0);
        List<Ack> acks = whenStored(movements(2, 6), T0.plusSeconds(5));

        assertThat(acks).extracting(Ack::receivedAt)
                .containsExactly(T0, T0, T0.plusSeconds(5), T0.plusSeconds(5), T0.plusSeconds(5));
        assertThat(store.records(warehouse)).extracting(StoredRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void sameSequenceWithDifferentContentIsRejectedAndTheFirstKept() {
        whenStored(List.of(record(1, "movement", "{\"qty\":1}")), T0);
        List<Ack> acks = whenStored(List.of(record(1, "movement", "{\"qty\":999}")), T0.plusSeconds(1));

        assertThat(acks).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(AckStatus.REJECTED);
            assertThat(a.code()).isEqualTo(SyncErrorCode.DUPLICATE_WITH_DIFFERENT_CONTENT.name());
        });
        assertThat(store.records(warehouse)).extracting(StoredRecord::payload).containsExactly("{\"qty\":1}");
    }

    @Test
    void keyThatDoesNotNameWarehouseAndSequenceIsRejected() {
        RecordEnvelope bad = new RecordEnvelope(1, "OTHER:1", "movement", 5, T0, "{}");
        List<Ack> acks = whenStored(List.of(bad, record(2, "pick", "{}")), T0);

        assertThat(acks).extracting(Ack::status).containsExactly(AckStatus.REJECTED, AckStatus.STORED);
        assertThat(acks.get(0).code()).isEqualTo(SyncErrorCode.KEY_MISMATCH.name());
        assertThat(store.records(warehouse)).extracting(StoredRecord::seq).containsExactly(2L);
        assertThat(store.contiguousThrough(warehouse)).isZero();
    }

    @Test
    void contiguousMarkStopsAtAGapAndMovesOnWhenItIsFilled() {
        whenStored(movements(1, 2), T0);
        whenStored(movements(5, 7), T0);
        assertThat(store.contiguousThrough(warehouse)).isEqualTo(2);

        whenStored(movements(3, 4), T0);
        assertThat(store.contiguousThrough(warehouse)).isEqualTo(7);
    }

    @Test
    void sparseBatchesFindEarlierCopies() {
        // Far-apart sequences take the lookup path for sparse batches.
        List<RecordEnvelope> sparse = List.of(record(1, "movement", "{}"), record(1000, "movement", "{}"),
                record(5000, "pick", "{}"));
        List<Ack> first = whenStored(sparse, T0);
        List<Ack> again = whenStored(sparse, T0.plusSeconds(9));

        assertThat(again).isEqualTo(first);
        assertThat(store.count(warehouse)).isEqualTo(3);
        assertThat(store.count(warehouse, "pick")).isEqualTo(1);
    }

    @Test
    void warehouseSummaryShowsCountsPerKindAndLastContact() {
        whenStored(List.of(record(1, "movement", "{}"), record(2, "pick", "{}"), record(3, "pick", "{}")), T0);
        whenStored(List.of(), T0.plusSeconds(30));

        WarehouseSummary summary = store.warehouse(warehouse).orElseThrow();
        assertThat(summary.recordCount()).isEqualTo(3);
        assertThat(summary.countsByKind()).containsEntry("movement", 1L).containsEntry("pick", 2L).hasSize(2);
        assertThat(summary.lastContactAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(summary.firstContactAt()).isEqualTo(T0);
        assertThat(summary.highestSeq()).isEqualTo(3);
        assertThat(store.warehouses()).extracting(WarehouseSummary::warehouseId).contains(warehouse);
    }

    @Test
    void recordsCanBeReadPageByPage() {
        whenStored(movements(1, 10), T0);

        assertThat(store.records(warehouse, 4, 3)).extracting(StoredRecord::seq).containsExactly(5L, 6L, 7L);
        assertThat(store.records(warehouse, 10, 3)).isEmpty();
    }

    @Test
    void payloadIsKeptExactly() {
        String payload = "{ \"name\" : \"Müller & Söhne <b>\", \"n\": 1.50 }";
        whenStored(List.of(record(1, "customer-note", payload)), T0);

        assertThat(store.records(warehouse)).singleElement().extracting(StoredRecord::payload).isEqualTo(payload);
    }

    @Test
    void stockIsTheSumOfMovementQuantitiesPerProduct() {
        whenStored(List.of(record(1, "movement", "{\"product\":\"P-1\",\"qty\":10}"),
                record(2, "movement", "{\"sku\":\"P-2\",\"qty\":4.5}"),
                record(3, "movement", "{\"product\":\"P-1\",\"qty\":-3}"),
                record(4, "scan", "{\"product\":\"P-1\",\"qty\":100}")), T0);
        // A repeat must not count twice.
        whenStored(List.of(record(3, "movement", "{\"product\":\"P-1\",\"qty\":-3}")), T0);

        assertThat(store.stock()).filteredOn(s -> s.warehouseId().equals(warehouse))
                .extracting(s -> s.product() + "=" + s.quantity().toPlainString())
                .containsExactly("P-1=7", "P-2=4.5");
    }

    @Test
    void movementsAreCountedPerHourOfCreation() {
        whenStored(movements(1, 3), T0);
        whenStored(List.of(new RecordEnvelope(4, warehouse + ":4", "movement", 5, T0.plusSeconds(3700), "{}")), T0);

        assertThat(store.hourly("movement", T0.minusSeconds(3600), T0.plusSeconds(7200)))
                .filteredOn(h -> h.warehouseId().equals(warehouse))
                .extracting(h -> h.hourStart() + "=" + h.count())
                .containsExactly(T0 + "=3", T0.plusSeconds(3600) + "=1");
    }

    @Test
    void shipmentsReportDeliveriesAndOnTimeRate() {
        String due = T0.plusSeconds(3600).toString();
        whenStored(List.of(
                record(1, "shipment", "{\"shipmentId\":\"S1\",\"dueAt\":\"" + due + "\"}"),
                record(2, "shipment", "{\"shipmentId\":\"S2\",\"dueAt\":\"" + due + "\"}"),
                record(3, "shipment", "{\"shipmentId\":\"S3\"}"),
                record(4, "proof-of-delivery", "{\"shipmentId\":\"S1\",\"deliveredAt\":\""
                        + T0.plusSeconds(1800) + "\"}"),
                record(5, "proof-of-delivery", "{\"shipmentId\":\"S2\",\"deliveredAt\":\""
                        + T0.plusSeconds(7200) + "\"}")), T0);

        assertThat(store.shipments()).filteredOn(s -> s.warehouseId().equals(warehouse)).singleElement()
                .satisfies(s -> {
                    assertThat(s.shipments()).isEqualTo(3);
                    assertThat(s.delivered()).isEqualTo(2);
                    assertThat(s.onTime()).isEqualTo(1);
                    assertThat(s.onTimeRate()).isEqualTo(0.5);
                });
    }

    @Test
    void warehouseReportShowsTheBacklogTheEdgeLastReported() {
        store.store(new dev.wedge.sync.wire.Batch(warehouse, movements(1, 2), 40L, T0.minusSeconds(90)), T0);

        assertThat(store.warehouseReports(T0.plusSeconds(10))).filteredOn(w -> w.warehouseId().equals(warehouse))
                .singleElement().satisfies(w -> {
                    assertThat(w.edgeBacklog()).isEqualTo(40L);
                    assertThat(w.backlogAgeSeconds()).isEqualTo(100);
                    assertThat(w.silentSeconds()).isEqualTo(10);
                    assertThat(w.recordCount()).isEqualTo(2);
                });
    }

    @Test
    void inboundStreamHoldsOwnAndBroadcastMessagesInCursorOrder() {
        long a = store.publish(warehouse, "order", "order:1", "{}");
        store.publish("OTHER-" + warehouse.substring(3), "order", "order:2", "{}");
        long c = store.publish(null, "price", "product:P", "{\"eur\":1}");

        dev.wedge.sync.wire.InboundPage page = store.inbound(warehouse, a - 1, 10);

        assertThat(page.messages()).extracting(dev.wedge.sync.wire.InboundMessage::cursor)
                .startsWith(a).contains(c);
        assertThat(page.messages()).extracting(dev.wedge.sync.wire.InboundMessage::key)
                .doesNotContain("order:2");
        assertThat(store.inbound(warehouse, a - 1, 1).hasMore()).isTrue();
    }

    @Test
    void inboundAcknowledgementNeverMovesBackwards() {
        store.acknowledgeInbound(warehouse, 7);
        store.acknowledgeInbound(warehouse, 3);

        assertThat(store.inboundAckedThrough(warehouse)).isEqualTo(7);
    }
}
