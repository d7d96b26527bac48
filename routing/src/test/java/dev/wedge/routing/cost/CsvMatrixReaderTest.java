package dev.wedge.routing.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.routing.RoutingErrorCode;
import dev.wedge.routing.RoutingException;
import dev.wedge.routing.model.Place;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvMatrixReaderTest {
    private final Place a = new Place("a", 0, 0);
    private final Place b = new Place("b", 0, 0);

    @Test
    void readsAsymmetricDistancesAndTimesByPlaceId() {
        TravelMatrix m = CsvMatrixReader.parse("m.csv", List.of("from,to,distance,time", "a,b,1200,90", "b,a,1500,100"));

        assertThat(m.distance(a, b)).isEqualTo(1200);
        assertThat(m.distance(b, a)).isEqualTo(1500);
        assertThat(m.time(b, a)).isEqualTo(100);
        assertThat(m.distance(a, a)).isZero();
    }

    @Test
    void writesWhatItReads() throws Exception {
        TravelMatrix m = CsvMatrixReader.parse("m.csv", List.of("from,to,distance,time", "a,b,1200.5,90", "b,a,1500,100"));
        StringWriter out = new StringWriter();
        CsvMatrixReader.write(m, out);

        TravelMatrix again = CsvMatrixReader.parse("again.csv", out.toString().lines().toList());

        assertThat(again.distance(a, b)).isEqualTo(1200.5);
        assertThat(again.time(b, a)).isEqualTo(100);
    }

    @Test
    void namesTheMissingPair() {
        assertThatThrownBy(() -> CsvMatrixReader.parse("m.csv", List.of("from,to,distance,time", "a,b,1,1", "a,c,1,1")))
                .isInstanceOf(RoutingException.class).hasMessageContaining("from b to a")
                .extracting(e -> ((RoutingException) e).code()).isEqualTo(RoutingErrorCode.MISSING_TRAVEL_COST);
    }

    @Test
    void namesTheLineWithABadNumber() {
        assertThatThrownBy(() -> CsvMatrixReader.parse("m.csv", List.of("from,to,distance,time", "a,b,far,1")))
                .hasMessageContaining("m.csv line 2").hasMessageContaining("far");
    }

    @Test
    void failsForAPlaceNotInTheMatrix() {
        TravelMatrix m = CsvMatrixReader.parse("m.csv", List.of("from,to,distance,time", "a,b,1,1", "b,a,1,1"));

        assertThatThrownBy(() -> m.distance(a, new Place("z", 0, 0))).hasMessageContaining("place z");
    }
}
