package dev.wedge.routing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.routing.Corpus;
import dev.wedge.routing.RoutingErrorCode;
import dev.wedge.routing.RoutingException;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.model.TimeWindow;
import java.util.List;
import org.junit.jupiter.api.Test;

class SolomonReaderTest {
    @Test
    void readsDepotFleetAndCustomersOfC101() {
        Problem p = SolomonReader.read(Corpus.solomon("C101.txt"));

        assertThat(p.name()).isEqualTo("C101");
        assertThat(p.vehicles()).hasSize(25);
        assertThat(p.vehicles().get(0).type().capacity().get(0)).isEqualTo(200);
        assertThat(p.depots().get(0).opening()).isEqualTo(new TimeWindow(0, 1236));
        assertThat(p.depots().get(0).place().x()).isEqualTo(40);
        assertThat(p.stops()).hasSize(100);
        Stop first = p.stops().get(0);
        assertThat(first.id()).isEqualTo("1");
        assertThat(first.place().x()).isEqualTo(45);
        assertThat(first.place().y()).isEqualTo(68);
        assertThat(first.demand().get(0)).isEqualTo(10);
        assertThat(first.windows()).containsExactly(new TimeWindow(912, 967));
        assertThat(first.serviceTime()).isEqualTo(90);
    }

    @Test
    void totalDemandMatchesTheReferenceTable() {
        BestKnown bks = BestKnown.solomon(Corpus.solomon("bks.csv"));
        for (String name : List.of("C101", "R101", "RC201")) {
            Problem p = SolomonReader.read(Corpus.solomon(name + ".txt"));
            int total = p.stops().stream().mapToInt(s -> s.demand().get(0)).sum();
            assertThat(total).as(name).isEqualTo(name.startsWith("C") ? 1810 : name.equals("R101") ? 1458 : 1724);
            assertThat(bks.of(name)).isPresent();
        }
    }

    @Test
    void readsBestKnownVehiclesAndDistance() {
        BestKnown bks = BestKnown.solomon(Corpus.solomon("bks.csv"));

        assertThat(bks.of("R101")).contains(new BestKnown.Entry("R101", 19, 1645.79));
        assertThat(bks.of("C201")).contains(new BestKnown.Entry("C201", 3, 591.56));
        assertThat(bks.of("X999")).isEmpty();
    }

    @Test
    void rejectsATableRowWithTooFewNumbers() {
        List<String> lines = List.of("BAD1", "VEHICLE", "NUMBER CAPACITY", "  2  50", "CUSTOMER",
                "CUST NO. XCOORD.", "0 1 2 0 0 100 0", "1 5 6 7");

        assertThatThrownBy(() -> SolomonReader.parse("bad.txt", lines))
                .isInstanceOf(RoutingException.class)
                .hasMessageContaining("bad.txt line 8")
                .extracting(e -> ((RoutingException) e).code()).isEqualTo(RoutingErrorCode.INVALID_INPUT_FILE);
    }

    @Test
    void rejectsANegativeDemandNamingTheLineAndTheCustomer() {
        List<String> lines = List.of("BAD2", "VEHICLE", "NUMBER CAPACITY", "  2  50", "CUSTOMER",
                "CUST NO. XCOORD.", "0 1 2 0 0 100 0", "1 5 6 -10 0 100 10");

        assertThatThrownBy(() -> SolomonReader.parse("bad.txt", lines))
                .isInstanceOf(RoutingException.class)
                .hasMessageContaining("bad.txt line 8").hasMessageContaining("customer 1 has a negative demand");
    }
}
