package dev.wedge.scanner.gs1;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SsccTest {

    @Test
    void buildsTheSsccFromExtensionPrefixAndSerialWithItsCheckDigit() {
        Sscc sscc = Sscc.of(3, "7610425", 212345);
        assertThat(sscc.value()).isEqualTo("376104250002123455");
        assertThat(CheckDigit.isValid(sscc.value())).isTrue();
    }

    @Test
    void padsTheSerialToFillSeventeenDigits() {
        assertThat(Sscc.of(0, "952123456789", 1).value()).startsWith("0952123456789000").hasSize(18);
    }

    @Test
    void refusesASerialThatDoesNotFitAfterTheCompanyPrefix() {
        assertThatThrownBy(() -> Sscc.of(0, "952123456789", 100_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit in 4 digits");
    }

    @Test
    void refusesAWrongCheckDigitNamingTheRightOne() {
        assertThatThrownBy(() -> new Sscc("376104250021234560"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 9");
    }

    @Test
    void refusesAnExtensionDigitOutsideZeroToNine() {
        assertThatThrownBy(() -> Sscc.of(10, "7610425", 1)).hasMessageContaining("extension digit 10");
    }
}
