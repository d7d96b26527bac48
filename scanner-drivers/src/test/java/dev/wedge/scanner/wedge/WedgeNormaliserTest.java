package dev.wedge.scanner.wedge;

import dev.wedge.scanner.ScanEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WedgeNormaliserTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    private final WedgeNormaliser normaliser = new WedgeNormaliser(
            new WedgeSettings(List.of("~", "{GS}"), "@@", "##", Duration.ofMillis(300)));

    @Test
    void replacesGroupSeparatorSubstitutesAndStripsPrefixSuffixAndEnter() {
        ScanEvent e = normaliser.normalise("hh-7", "@@]C10109521234543213" + "10AB~21X{GS}30" + "5##\r\n", T0)
                .orElseThrow();
        assertThat(e.scannerId()).isEqualTo("hh-7");
        assertThat(e.symbology()).isEqualTo("]C1");
        assertThat(e.data()).isEqualTo("0109521234543213" + "10AB\u001D21X\u001D305");
    }

    @Test
    void turnsAltCode0029IntoAGroupSeparator() {
        List<KeyStroke> keys = new ArrayList<>();
        for (char c : "1012".toCharArray()) {
            keys.add(KeyStroke.key(c));
        }
        keys.addAll(List.of(KeyStroke.altCode("0029")));
        for (char c : "2199".toCharArray()) {
            keys.add(KeyStroke.key(c));
        }
        ScanEvent e = normaliser.normalise("hh-7", keys, T0).orElseThrow();
        assertThat(e.data()).isEqualTo("1012\u001D2199");
    }

    @Test
    void countsTheSameDataTwiceWithinTheWindowAsOneScanPerDevice() {
        assertThat(normaliser.normalise("hh-1", "LOC-A-01", T0)).isPresent();
        assertThat(normaliser.normalise("hh-1", "LOC-A-01", T0.plusMillis(299))).isEmpty();
        assertThat(normaliser.normalise("hh-2", "LOC-A-01", T0.plusMillis(100))).isPresent();
        assertThat(normaliser.normalise("hh-1", "LOC-A-02", T0.plusMillis(350))).isPresent();
        assertThat(normaliser.normalise("hh-1", "LOC-A-02", T0.plusMillis(700))).isPresent();
    }

    @Test
    void ignoresAnEmptyEnterAndRefusesAScanWithoutDevice() {
        assertThat(normaliser.normalise("hh-1", "\r\n", T0)).isEmpty();
        assertThatThrownBy(() -> normaliser.normalise(" ", "X", T0)).hasMessageContaining("id of the handheld");
        assertThatThrownBy(() -> KeyStroke.altCode("00291")).hasMessageContaining("Alt code '00291'");
    }
}
