package dev.wedge.scanner;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanEventTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:15:30Z");

    @Test
    void splitsTheAimIdentifierFromTheData() {
        ScanEvent e = ScanEvent.fromFrame("pack-2", "]C10109521234543213\u001D10A", NOW);
        assertThat(e.symbology()).isEqualTo("]C1");
        assertThat(e.data()).isEqualTo("0109521234543213\u001D10A");
    }

    @Test
    void leavesDataWithoutIdentifierWhole() {
        assertThat(ScanEvent.fromFrame("p", "LOC-A-01", NOW).symbology()).isEmpty();
        assertThat(ScanEvent.fromFrame("p", "]X", NOW).data()).isEqualTo("]X");
        assertThat(ScanEvent.fromFrame("p", "]1A9", NOW).symbology()).isEmpty();
    }

    @Test
    void recognisesIdentifiersOfManySymbologies() {
        for (String id : new String[] {"]C0", "]C1", "]E0", "]E4", "]e0", "]d1", "]d2", "]Q1", "]Q3", "]A0", "]I1", "]L2", "]z0", "]J1"}) {
            assertThat(SymbologyIdentifier.leading(id + "123")).isEqualTo(id);
        }
    }

    @Test
    void refusesAnEventWithoutScannerId() {
        assertThatThrownBy(() -> new ScanEvent(" ", "", "x", NOW)).hasMessageContaining("scanner id");
    }
}
