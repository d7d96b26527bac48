package dev.wedge.edge.loading;

import static dev.wedge.edge.demo.HandheldSample.*;
import static dev.wedge.edge.floor.FloorTestBed.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.edge.floor.FloorError;
import dev.wedge.edge.floor.FloorException;
import dev.wedge.edge.floor.FloorTestBed;
import dev.wedge.edge.packing.PackService;
import dev.wedge.edge.picking.Order;
import dev.wedge.edge.picking.PickTask;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PackAndLoadTest {

    private static final Instant DEPART = Instant.parse("2026-12-03T15:00:00Z");

    private FloorTestBed bed;

    @BeforeEach
    void pickedOrders() throws Exception {
        bed = new FloorTestBed();
        bed.floor.orders().receive(new Order("SO-A", "Shop A", "R4", 1, DEPART, "DOCK-4",
                List.of(new Order.Line(WATER, 12))));
        bed.floor.orders().receive(new Order("SO-B", "Shop B", "R4", 2, DEPART, "DOCK-4",
                List.of(new Order.Line(SOAP, 2))));
        long wave = bed.floor.waves().planWaves().get(0).waveId();
        for (PickTask t = bed.floor.picking().nextTask(wave).orElse(null); t != null;
             t = bed.floor.picking().nextTask(wave).orElse(null)) {
            bed.floor.picking().scan(t.taskId(), "p1", scan(t.location()));
            bed.floor.picking().scan(t.taskId(), "p1", scan(t.gtin()));
            bed.floor.picking().scan(t.taskId(), "p1", scan(Integer.toString(t.quantity())));
        }
        bed.floor.loading().addTruck("T-4", "R4", "DOCK-4", DEPART);
        bed.floor.loading().addTruck("T-9", "R9", "DOCK-9", DEPART);
    }

    @AfterEach
    void close() throws Exception {
        bed.close();
    }

    private PackService.PackUnit pack(String order, String... barcodes) throws Exception {
        String tote = bed.floor.orders().list().stream().filter(o -> o.orderId().equals(order)).findFirst()
                .orElseThrow().tote();
        PackService.PackUnit u = bed.floor.packing().open(tote, "PALLET", "k1");
        for (String b : barcodes) {
            u = bed.floor.packing().scan(u.unitId(), scan(b));
        }
        return bed.floor.packing().close(u.unitId());
    }

    @Test
    void closingAUnitCountsCasesAssignsAnSsccQueuesItsLabelAndReportsTheContents() throws Exception {
        PackService.PackUnit closed = pack("SO-A", WATER_CASE, WATER_CASE);

        assertThat(closed.contents()).extracting(PackService.Content::quantity).containsExactly(12);
        assertThat(closed.sscc()).startsWith("30614141").hasSize(18);
        assertThat(bed.printed).containsExactly(closed.labelJob());
        assertThat(bed.count("SELECT COUNT(*) FROM label_status WHERE sscc = ? AND status = 'QUEUED'", closed.sscc()))
                .isEqualTo(1);
        assertThat(bed.count("SELECT COUNT(*) FROM sync_outbox WHERE kind = 'pack'")).isEqualTo(1);
    }

    @Test
    void refusesToPackWhatWasNotPickedForTheOrder() throws Exception {
        String tote = bed.floor.orders().list().stream().filter(o -> o.orderId().equals("SO-B")).findFirst()
                .orElseThrow().tote();
        long unit = bed.floor.packing().open(tote, "CARTON", "k1").unitId();

        assertThatThrownBy(() -> bed.floor.packing().scan(unit, scan(WATER_EACH)))
                .isInstanceOfSatisfying(FloorException.class,
                        e -> assertThat(e.error()).isEqualTo(FloorError.NOT_PICKED_FOR_ORDER));
        assertThatThrownBy(() -> bed.floor.packing().close(unit))
                .isInstanceOfSatisfying(FloorException.class, e -> assertThat(e.error()).isEqualTo(FloorError.PACK_UNIT_EMPTY));
    }

    @Test
    void loadsLastStopFirstAndRefusesAWrongTruckAndAnOutOfSequencePallet() throws Exception {
        String stop1 = pack("SO-A", WATER_CASE, WATER_CASE).sscc();
        String stop2 = pack("SO-B", SOAP_EACH, SOAP_EACH).sscc();
        LoadingService.Truck t = bed.floor.loading().planLoad("T-4");
        assertThat(t.slots()).extracting(LoadingService.Slot::sscc).containsExactly(stop2, stop1);

        assertThatThrownBy(() -> bed.floor.loading().scan("T-4", "d1", scan(stop1)))
                .isInstanceOfSatisfying(FloorException.class, e -> {
                    assertThat(e.error()).isEqualTo(FloorError.OUT_OF_SEQUENCE);
                    assertThat(e.getMessage()).contains("Load pallet " + stop2);
                });
        assertThatThrownBy(() -> bed.floor.loading().scan("T-9", "d1", scan(stop2)))
                .isInstanceOfSatisfying(FloorException.class, e -> {
                    assertThat(e.error()).isEqualTo(FloorError.WRONG_TRUCK);
                    assertThat(e.getMessage()).contains("belongs on truck T-4");
                });

        bed.floor.loading().scan("T-4", "d1", scan("]C100" + stop2));
        LoadingService.Truck done = bed.floor.loading().scan("T-4", "d1", scan(stop1));

        assertThat(done.next()).isEmpty();
        assertThat(bed.count("SELECT COUNT(*) FROM sync_outbox WHERE kind = 'load'")).isEqualTo(2);
        assertThat(bed.onHand(WATER, "", "PACKING")).isZero();
        assertThat(bed.count("SELECT COUNT(*) FROM stock_movement WHERE kind = 'SHIP'")).isEqualTo(2);
    }

    @Test
    void refusesABareSsccWithAWrongCheckDigitAsABadBarcodeAndLoadsNothing() throws Exception {
        String stop2 = pack("SO-B", SOAP_EACH, SOAP_EACH).sscc();
        bed.floor.loading().planLoad("T-4");
        String misread = stop2.substring(0, 17) + (char) ('0' + (stop2.charAt(17) - '0' + 1) % 10);

        assertThatThrownBy(() -> bed.floor.loading().scan("T-4", "d1", scan(misread)))
                .isInstanceOfSatisfying(FloorException.class, e -> {
                    assertThat(e.error()).isEqualTo(FloorError.UNKNOWN_BARCODE);
                    assertThat(e.getMessage()).contains("wrong check digit");
                });
        assertThat(bed.count("SELECT COUNT(*) FROM truck_load WHERE loaded_at IS NOT NULL")).isZero();
        assertThat(bed.count("SELECT COUNT(*) FROM sync_outbox WHERE kind = 'load'")).isZero();
    }
}
