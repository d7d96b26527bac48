package dev.wedge.edge.conveyor.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.edge.conveyor.Induction;
import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.encoding.DefaultEncodingContext;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.junit.jupiter.api.Test;

class InductionCodecTest {

    @Test
    void readsBackWhatItWroteToTheTenthOfAMicrosecond() {
        Induction parcel = new Induction(4_294_967_295L, "SHP-1001", Instant.parse("2026-12-03T10:15:30.1234567Z"), false);
        Induction back = InductionCodec.decode(DataValue.valueOnly(
                InductionCodec.encode(parcel, DefaultEncodingContext.INSTANCE)));
        assertThat(back).isEqualTo(parcel);
    }

    @Test
    void carriesANoReadWithoutBarcode() {
        Induction parcel = new Induction(7, null, Instant.parse("2026-12-03T10:15:30Z"), true);
        Induction back = InductionCodec.decode(DataValue.valueOnly(
                InductionCodec.encode(parcel, DefaultEncodingContext.INSTANCE)));
        assertThat(back.noRead()).isTrue();
        assertThat(back.barcode()).isEmpty();
    }

    @Test
    void namesWhatIsWrongWithAValueThatIsNotAnInduction() {
        assertThatThrownBy(() -> InductionCodec.decode(DataValue.valueOnly(new Variant("SHP-1001"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an array of KeyValuePair");
        assertThatThrownBy(() -> new Induction(1, " ", Instant.now(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not flagged no-read");
    }
}
