package dev.wedge.sync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wedge.sync.edge.OutboxRecord;
import dev.wedge.sync.hq.HqSchema;
import dev.wedge.sync.hq.HqStore;
import dev.wedge.sync.hq.JdbcHqStore;
import dev.wedge.sync.internal.PooledDataSource;
import dev.wedge.sync.testing.EdgeDatabase;
import dev.wedge.sync.wire.Batch;
import dev.wedge.sync.wire.RecordEnvelope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerAuditTest {
    private final EdgeDatabase edge = new EdgeDatabase("WH-1");
    private final HqStore hq = hqStore();

    private static HqStore hqStore() {
        PooledDataSource ds = new PooledDataSource("jdbc:derby:memory:hq-" + UUID.randomUUID() + ";create=true",
                null, null, 2);
        HqSchema.migrate(ds);
        return new JdbcHqStore(ds);
    }

    private static RecordEnvelope envelope(OutboxRecord r) {
        return new RecordEnvelope(r.seq(), r.key(), r.kind(), 5, r.createdAt(), r.payload());
    }

    @Test
    void identicalLedgersHaveNothingLostOrDuplicated() throws Exception {
        List<RecordEnvelope> all = new ArrayList<>();
        edge.commitMovements(25).forEach(r -> all.add(envelope(r)));
        hq.store(new Batch("WH-1", all), Instant.now());

        LedgerAudit audit = LedgerAudit.of(edge.dataSource(), "WH-1", hq);

        assertThat(audit).isEqualTo(new LedgerAudit(25, 25, 0, 0, 25));
    }

    @Test
    void missingChangedAndExtraRecordsAtHqAreCountedAsLostAndDuplicated() throws Exception {
        List<OutboxRecord> written = edge.commitMovements(4);
        RecordEnvelope changed = new RecordEnvelope(2, "WH-1:2", "movement", 5, Instant.now(), "{\"qty\":99}");
        RecordEnvelope extra = new RecordEnvelope(7, "WH-1:7", "movement", 5, Instant.now(), "{\"qty\":1}");
        hq.store(new Batch("WH-1", List.of(envelope(written.get(0)), changed, envelope(written.get(3)), extra)),
                Instant.now());

        LedgerAudit audit = LedgerAudit.of(edge.dataSource(), "WH-1", hq);

        // Lost: seq 2 (different payload at HQ) and seq 3 (missing). Duplicated: HQ's seq 2 and seq 7.
        assertThat(audit.lost()).isEqualTo(2);
        assertThat(audit.duplicated()).isEqualTo(2);
        assertThat(audit.edgeRecords()).isEqualTo(4);
        assertThat(audit.hqRecords()).isEqualTo(4);
    }
}
