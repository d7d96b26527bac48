package dev.wedge.edge.inventory;

import static dev.wedge.edge.demo.HandheldSample.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wedge.edge.floor.FloorTestBed;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CycleCountsTest {

    private FloorTestBed bed;

    @BeforeEach
    void warehouse() throws Exception {
        bed = new FloorTestBed();
    }

    @AfterEach
    void close() throws Exception {
        bed.close();
    }

    private long lockedCount() throws Exception {
        return bed.count("SELECT COUNT(*) FROM location WHERE code = ? AND locked = TRUE", LOC_SOAP);
    }

    @Test
    void aMatchingCountClosesAndUnlocksTheLocationWithoutAMovement() throws Exception {
        List<CycleCounts.Count> counts = bed.floor.counts().start(LOC_SOAP);
        assertThat(lockedCount()).isEqualTo(1);

        CycleCounts.CountResult r = bed.floor.counts().submit(counts.get(0).countId(), 20, "p1");

        assertThat(r.count().status()).isEqualTo("CLOSED");
        assertThat(lockedCount()).isZero();
        assertThat(bed.count("SELECT COUNT(*) FROM stock_movement WHERE kind = 'COUNT'")).isZero();
        assertThat(bed.count("SELECT COUNT(*) FROM sync_outbox WHERE kind = 'count'")).isEqualTo(1);
    }

    @Test
    void aDifferentCountAsksForARecountAndTheRecountIsBooked() throws Exception {
        long id = bed.floor.counts().start(LOC_SOAP).get(0).countId();

        CycleCounts.CountResult first = bed.floor.counts().submit(id, 17, "p1");

        assertThat(first.count().status()).isEqualTo("RECOUNT");
        assertThat(first.message()).contains("again");
        assertThat(bed.onHand(SOAP, "", LOC_SOAP)).isEqualTo(20);

        CycleCounts.CountResult second = bed.floor.counts().submit(id, 18, "p2");

        assertThat(second.count().status()).isEqualTo("CLOSED");
        assertThat(bed.onHand(SOAP, "", LOC_SOAP)).isEqualTo(18);
        assertThat(bed.count("SELECT COUNT(*) FROM stock_movement WHERE kind = 'COUNT' AND quantity = 2"
                + " AND from_location = ?", LOC_SOAP)).isEqualTo(1);
        assertThat(lockedCount()).isZero();
    }

    @Test
    void aLockedLocationIsNotAllocatedFrom() throws Exception {
        bed.floor.counts().start(LOC_SOAP);
        bed.floor.orders().receive(new dev.wedge.edge.picking.Order("SO-K", "Shop", "R5", 1,
                java.time.Instant.parse("2026-12-03T15:00:00Z"), "DOCK-5",
                List.of(new dev.wedge.edge.picking.Order.Line(SOAP, 2))));

        assertThat(bed.floor.waves().planWaves().get(0).backordered()).isEqualTo(2);
    }
}
