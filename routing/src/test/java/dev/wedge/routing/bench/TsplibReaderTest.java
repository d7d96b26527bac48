package dev.wedge.routing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.routing.Corpus;
import dev.wedge.routing.RoutingException;
import dev.wedge.routing.cost.EuclideanCosts;
import dev.wedge.routing.model.Place;
import dev.wedge.routing.model.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class TsplibReaderTest {
    @Test
    void readsCapacityDemandsAndDepotOfAn32k5() {
        Problem p = TsplibReader.read(Corpus.cvrp("A-n32-k5.vrp"));

        assertThat(p.name()).isEqualTo("A-n32-k5");
        assertThat(p.stops()).hasSize(31);
        assertThat(p.vehicles().get(0).type().capacity().get(0)).isEqualTo(100);
        assertThat(p.depots().get(0).place()).isEqualTo(new Place("1", 82, 76));
        assertThat(p.stops().get(0).id()).isEqualTo("2");
        assertThat(p.stops().get(0).demand().get(0)).isEqualTo(19);
        assertThat(TsplibReader.trucksInName(p.name())).isEqualTo(5);
    }

    @Test
    void roundsEveryEdgeToTheNearestIntegerAsTsplibDoes() {
        Place a = new Place("1", 82, 76);
        Place b = new Place("2", 96, 44);

        assertThat(EuclideanCosts.tsplib().distance(a, b)).isEqualTo(35.0);
        assertThat(EuclideanCosts.solomon().distance(a, b)).isCloseTo(34.9284984, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void readsTheOptimalCostTable() {
        BestKnown opt = BestKnown.cvrp(Corpus.cvrp("optimal.csv"));

        assertThat(opt.of("A-n32-k5")).contains(new BestKnown.Entry("A-n32-k5", 5, 784));
    }

    @Test
    void rejectsAnotherEdgeWeightType() {
        List<String> lines = List.of("NAME : X", "EDGE_WEIGHT_TYPE : GEO", "CAPACITY : 10", "NODE_COORD_SECTION",
                "1 0 0", "DEMAND_SECTION", "1 0", "DEPOT_SECTION", "1", "-1", "EOF");

        assertThatThrownBy(() -> TsplibReader.parse("x.vrp", lines))
                .isInstanceOf(RoutingException.class).hasMessageContaining("EUC_2D");
    }
}
