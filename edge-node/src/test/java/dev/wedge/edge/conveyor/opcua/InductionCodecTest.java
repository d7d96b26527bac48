package dev.wedge.edge.conveyor.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.edge.conveyor.Induction;
import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.encoding.DefaultEncodingContext;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.structured.KeyValuePair;
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
    void aBlankBarcodeNotFlaggedAsANoReadIsTakenForANoRead() {
        // A scanner that reads nothing but forgets the flag must still send the parcel to the reject lane.
        KeyValuePair[] pairs = {
            new KeyValuePair(new QualifiedName(0, InductionCodec.TRACKING_ID), new Variant(UInteger.valueOf(9))),
            new KeyValuePair(new QualifiedName(0, InductionCodec.BARCODE), new Variant("  ")),
            new KeyValuePair(new QualifiedName(0, InductionCodec.TIMESTAMP), new Variant(DateTime.now())),
            new KeyValuePair(new QualifiedName(0, InductionCodec.NO_READ), new Variant(false))
        };
        Induction back = InductionCodec.decode(DataValue.valueOnly(
                new Variant(ExtensionObject.encodeArray(DefaultEncodingContext.INSTANCE, pairs))));
        assertThat(back.trackingId()).isEqualTo(9);
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
