package dev.wedge.label.zpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Code128DataTest {

    @Test
    void startsGs1DataWithFnc1InSubsetC() {
        assertThat(Code128Data.gs1("(00)012345678901234560")).isEqualTo(">;>800012345678901234560");
    }

    @Test
    void separatesAVariableLengthValueWithFnc1OnlyWhenAnotherFollows() {
        String data = Code128Data.gs1("(37)24(10)AB>1");

        assertThat(data).isEqualTo(">;>83724>810>6AB><1");
        assertThat(Code128Data.decode(data)).isEqualTo(new Code128Data.Content(true, "3724\u001D10AB>1"));
    }

    @Test
    void switchesBackToSubsetCForAnEvenRunOfDigits() {
        String data = Code128Data.gs1("(10)A123456");

        assertThat(data).isEqualTo(">;>810>6A>5123456");
        assertThat(Code128Data.decode(data).data()).isEqualTo("10A123456");
    }

    @Test
    void refusesElementStringsThatAreNotBracketedAis() {
        assertThatThrownBy(() -> Code128Data.gs1("0012345")).hasMessageContaining("'0012345'");
        assertThatThrownBy(() -> Code128Data.gs1("(10)")).hasMessageContaining("empty value");
        assertThatThrownBy(() -> Code128Data.gs1("(10)é")).hasMessageContaining("U+00E9");
    }

    @Test
    void writesALiteralGreaterThanSignAsItsInvocationCode() {
        assertThat(Code128Data.subsetB("a>b")).isEqualTo(">:a><b");
        assertThat(Code128Data.decode(">:a><b")).isEqualTo(new Code128Data.Content(false, "a>b"));
    }
}
