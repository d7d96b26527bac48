package dev.wedge.edge.conveyor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.edge.config.ConfigException;
import dev.wedge.edge.config.ConfigReader;
import dev.wedge.edge.config.EdgeConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConveyorConfigReaderTest {

    private static Map<String, String> base() {
        Map<String, String> m = new HashMap<>();
        m.put("node.id", "WH-1");
        m.put("gs1.companyPrefix", "0614141");
        m.put("conveyor.sorter-1.endpoint", "opc.tcp://10.1.4.20:4840/sorter");
        return m;
    }

    @Test
    void readsAPlcWithSorterDefaultsAndItsRulesInOrder() throws Exception {
        Map<String, String> m = base();
        m.put("conveyor.sorter-1.lanes", "6");
        m.put("conveyor.sorter-1.rule.2.lane", "2");
        m.put("conveyor.sorter-1.rule.2.route", "R7");
        m.put("conveyor.sorter-1.rule.10.lane", "3");
        m.put("conveyor.sorter-1.rule.1.lane", "1");
        m.put("conveyor.sorter-1.rule.1.carrier", "DHL");
        EdgeConfig c = ConfigReader.from(m);
        PlcSettings plc = c.conveyors().get(0);
        assertThat(plc.plcId()).isEqualTo("sorter-1");
        assertThat(plc.security().policy()).isEqualTo("Basic256Sha256");
        assertThat(plc.security().insecureForLab()).isFalse();
        assertThat(plc.publishing()).isEqualTo(Duration.ofMillis(2));
        assertThat(plc.sampling()).isEqualTo(Duration.ZERO);
        assertThat(plc.defaultLane()).isEqualTo(6);
        assertThat(plc.rejectLane()).isEqualTo(6);
        assertThat(plc.rules()).extracting(LaneRule::lane).containsExactly(1, 2, 3);
        assertThat(plc.rules().get(0).carrier()).contains("DHL");
        assertThat(plc.security().x509Identity()).isTrue();
    }

    @Test
    void refusesSecurityPolicyNoneUnlessMarkedAsALab() throws Exception {
        Map<String, String> m = base();
        m.put("conveyor.sorter-1.securityPolicy", "None");
        assertThatThrownBy(() -> ConfigReader.from(m)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("conveyor.sorter-1.securityPolicy None is refused");
        m.put("conveyor.sorter-1.insecureForLab", "true");
        assertThat(ConfigReader.from(m).conveyors().get(0).security().policy()).isEqualTo("None");
    }

    @Test
    void reportsEveryProblemOfAConveyorTogether() {
        Map<String, String> m = base();
        m.put("conveyor.sorter-1.endpoint", "http://10.1.4.20/");
        m.put("conveyor.sorter-1.securityPolicy", "Basic256");
        m.put("conveyor.sorter-1.budgetMillis", "soon");
        m.put("conveyor.sorter-1.colour", "red");
        m.put("conveyor.sorter-1.rule.1.carrier", "DHL");
        m.put("conveyor.sorter-1.username", "sorter");
        assertThatThrownBy(() -> ConfigReader.from(m)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(6)
                        .anyMatch(p -> p.contains("must look like opc.tcp://"))
                        .anyMatch(p -> p.contains("Basic256 is refused"))
                        .anyMatch(p -> p.contains("budgetMillis 'soon'"))
                        .anyMatch(p -> p.contains("unknown key conveyor.sorter-1.colour"))
                        .anyMatch(p -> p.contains("rule.1.lane is required"))
                        .anyMatch(p -> p.contains("password is required")));
    }

    @Test
    void refusesARuleToALaneTheSorterDoesNotHave() {
        Map<String, String> m = base();
        m.put("conveyor.sorter-1.lanes", "4");
        m.put("conveyor.sorter-1.rule.1.lane", "5");
        assertThatThrownBy(() -> ConfigReader.from(m)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("lane 5 but the sorter has 4 lanes");
    }

    @Test
    void reportsEveryLaneOutsideTheSorterTogether() {
        Map<String, String> m = base();
        m.put("conveyor.sorter-1.lanes", "4");
        m.put("conveyor.sorter-1.defaultLane", "6");
        m.put("conveyor.sorter-1.rejectLane", "7");
        m.put("conveyor.sorter-1.rule.1.lane", "5");
        m.put("conveyor.sorter-1.rule.1.carrier", "DHL");
        m.put("conveyor.sorter-1.rule.2.lane", "9");
        m.put("conveyor.sorter-1.rule.2.route", "R7");
        assertThatThrownBy(() -> ConfigReader.from(m)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(4)
                        .anyMatch(p -> p.contains("defaultLane 6") && p.contains("4 lanes"))
                        .anyMatch(p -> p.contains("rejectLane 7") && p.contains("4 lanes"))
                        .anyMatch(p -> p.contains("rule.1.lane 5") && p.contains("4 lanes"))
                        .anyMatch(p -> p.contains("rule.2.lane 9") && p.contains("4 lanes")));
    }

    @Test
    void refusesABlankRuleCriterionInsteadOfMatchingEveryParcel() {
        Map<String, String> m = base();
        m.put("conveyor.sorter-1.rule.1.lane", "2");
        m.put("conveyor.sorter-1.rule.1.carrier", " ");
        assertThatThrownBy(() -> ConfigReader.from(m)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("conveyor.sorter-1.rule.1.carrier is empty");
    }

    @Test
    void refusesRulesThatCanNeverMatchBehindARuleWithoutCriteria() {
        Map<String, String> m = base();
        m.put("conveyor.sorter-1.rule.1.lane", "2");
        m.put("conveyor.sorter-1.rule.2.lane", "3");
        m.put("conveyor.sorter-1.rule.2.carrier", "DHL");
        assertThatThrownBy(() -> ConfigReader.from(m)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("conveyor.sorter-1.rule.2 can never match")
                .hasMessageContaining("rule.1");
    }

    @Test
    void refusesAPlcIdLongerThanTheDatabaseStores() {
        Map<String, String> m = new HashMap<>(base());
        String id = "sorter-" + "x".repeat(40);
        m.put("conveyor." + id + ".endpoint", "opc.tcp://10.1.4.21:4840/sorter");
        assertThatThrownBy(() -> ConfigReader.from(m)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("conveyor." + id + ": a PLC id has at most 40 characters");
    }

    @Test
    void refusesAnInsecureForLabThatIsNeitherTrueNorFalse() {
        Map<String, String> m = base();
        m.put("conveyor.sorter-1.insecureForLab", "yes");
        assertThatThrownBy(() -> ConfigReader.from(m)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("conveyor.sorter-1.insecureForLab 'yes' must be true or false");
    }

    @Test
    void aRuleWithoutCriteriaMatchesEveryKnownParcelAndCriteriaIgnoreCase() {
        LaneRule any = new LaneRule(2, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        LaneRule dhl = new LaneRule(1, Optional.empty(), Optional.of("d4"), Optional.of("dhl"), Optional.empty());
        SortDestination d = new SortDestination("R1", "D4", "DHL", "Kiel");
        assertThat(any.matches(d)).isTrue();
        assertThat(dhl.matches(d)).isTrue();
        assertThat(dhl.matches(new SortDestination("R1", "D5", "DHL", "Kiel"))).isFalse();
    }
}
