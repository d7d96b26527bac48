package dev.wedge.scanner.gs1;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckDigitTest {

    @Test
    void computesTheMod10DigitForEveryKeyLength() {
        assertThat(CheckDigit.compute("0952123454321")).isEqualTo(3);     // GTIN-14 0952...3
        assertThat(CheckDigit.compute("950110153000")).isEqualTo(3);      // GTIN-13 9501101530003
        assertThat(CheckDigit.compute("9638507")).isEqualTo(4);           // GTIN-8 96385074
        assertThat(CheckDigit.compute("37610425002123456")).isEqualTo(9); // SSCC 376104250021234569
    }

    @Test
    void acceptsOnlyKeysWhoseLastDigitIsRight() {
        assertThat(CheckDigit.isValid("09521234543213")).isTrue();
        assertThat(CheckDigit.isValid("09521234543214")).isFalse();
        assertThat(CheckDigit.isValid("0952123454321A")).isFalse();
        assertThat(CheckDigit.isValid("3")).isFalse();
    }

    @Test
    void namesTheNonDigitItCannotWeigh() {
        assertThatThrownBy(() -> CheckDigit.compute("12X4")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'X' at position 3");
    }
}
