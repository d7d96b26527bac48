package dev.wedge.edge.inbound;

import static dev.wedge.edge.demo.HandheldSample.*;
import static dev.wedge.edge.floor.FloorTestBed.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.edge.floor.FloorError;
import dev.wedge.edge.floor.FloorException;
import dev.wedge.edge.floor.FloorTestBed;
import dev.wedge.scanner.gs1.Sscc;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InboundTest {

    private static final String PALLET_A = Sscc.of(3, "0614141", 900001).value();
    private static final String PALLET_B = Sscc.of(3, "0614141", 900002).value();
    private static final String STRANGER = Sscc.of(3, "0614141", 900099).value();

    private FloorTestBed bed;
    private InboundService inbound;

    @BeforeEach
    void notice() throws Exception {
        bed = new FloorTestBed();
        inbound = bed.floor.inbound();
        inbound.addNotice("ASN-7", "Dairy Co", FloorTestBed.TODAY, List.of(
                new InboundService.NoticeUnit(PALLET_A, YOGHURT, "Y-C", FloorTestBed.TODAY.plusDays(60), 48),
                new InboundService.NoticeUnit(PALLET_B, SOAP, "", null, 30)));
    }

    @AfterEach
    void close() throws Exception {
        bed.close();
    }

    @Test
    void receivesAnnouncedPalletsByTheirSsccIntoReceiving() throws Exception {
        InboundService.Notice n = inbound.receive("ASN-7", scan("]C100" + PALLET_A));

        assertThat(n.received()).containsExactly(PALLET_A);
        assertThat(bed.onHand(YOGHURT, "Y-C", "RECEIVING")).isEqualTo(48);
        assertThat(bed.count("SELECT COUNT(*) FROM lot WHERE lot_number = 'Y-C' AND expiry IS NOT NULL")).isEqualTo(1);
        assertThat(bed.count("SELECT COUNT(*) FROM sync_outbox WHERE kind = 'receipt'")).isEqualTo(1);
        assertThat(bed.count("SELECT COUNT(*) FROM handling_unit WHERE sscc = ?", PALLET_A)).isEqualTo(1);
    }

    @Test
    void refusesAPalletNotOnTheNoticeAndOneReceivedTwice() throws Exception {
        inbound.receive("ASN-7", scan(PALLET_A));

        assertThatThrownBy(() -> inbound.receive("ASN-7", scan("]C100" + STRANGER)))
                .isInstanceOfSatisfying(FloorException.class, e -> assertThat(e.error()).isEqualTo(FloorError.NOT_ON_NOTICE));
        assertThatThrownBy(() -> inbound.receive("ASN-7", scan(PALLET_A)))
                .isInstanceOfSatisfying(FloorException.class, e -> assertThat(e.error()).isEqualTo(FloorError.ALREADY_RECEIVED));
        assertThat(bed.onHand(YOGHURT, "Y-C", "RECEIVING")).isEqualTo(48);
        assertThat(bed.count("SELECT COUNT(*) FROM scan WHERE outcome = 'REJECTED'")).isEqualTo(2);
    }

    @Test
    void suggestsALocationHoldingTheProductThenAnEmptyOneAndPutsAway() throws Exception {
        inbound.receive("ASN-7", scan(PALLET_A));
        inbound.receive("ASN-7", scan(PALLET_B));

        assertThat(inbound.suggest(PALLET_A).location()).isEqualTo(LOC_YOGHURT);
        // The only location without stock is suggested for a product the warehouse has nowhere with room.
        assertThat(inbound.suggest(PALLET_B).location()).isIn(LOC_SOAP, LOC_EMPTY);

        InboundService.Suggestion done = inbound.putAway(PALLET_A, scan(LOC_YOGHURT_RESERVE));

        assertThat(done.location()).isEqualTo(LOC_YOGHURT_RESERVE);
        assertThat(bed.onHand(YOGHURT, "Y-C", LOC_YOGHURT_RESERVE)).isEqualTo(48);
        assertThat(bed.onHand(YOGHURT, "Y-C", "RECEIVING")).isZero();
        assertThat(bed.count("SELECT COUNT(*) FROM sync_outbox WHERE kind = 'putaway'")).isEqualTo(1);
    }

    @Test
    void refusesPutawayToALockedLocationNamingTheSuggestion() throws Exception {
        inbound.receive("ASN-7", scan(PALLET_A));
        try (var c = bed.db.getConnection()) {
            new dev.wedge.edge.inventory.Catalog().setLocked(c, LOC_EMPTY, true, "damaged racking");
        }

        assertThatThrownBy(() -> inbound.putAway(PALLET_A, scan(LOC_EMPTY)))
                .isInstanceOfSatisfying(FloorException.class, e -> {
                    assertThat(e.error()).isEqualTo(FloorError.LOCATION_LOCKED);
                    assertThat(e.getMessage()).contains(LOC_YOGHURT);
                });
        assertThat(bed.onHand(YOGHURT, "Y-C", "RECEIVING")).isEqualTo(48);
    }
}
