package dev.wedge.edge.conveyor.opcua;

import dev.wedge.edge.conveyor.Induction;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.encoding.DefaultEncodingContext;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.structured.KeyValuePair;

/**
 * Encodes an {@link Induction} as the array of OPC UA {@code KeyValuePair}s the sorter's induction node holds, and
 * back. {@code KeyValuePair} is a standard structure, so both ends decode it without custom type dictionaries.
 */
public final class InductionCodec {

    static final String TRACKING_ID = "TrackingId";
    static final String BARCODE = "Barcode";
    static final String TIMESTAMP = "Timestamp";
    static final String NO_READ = "NoRead";

    private InductionCodec() {
    }

    public static Variant encode(Induction parcel, EncodingContext context) {
        KeyValuePair[] pairs = {
            pair(TRACKING_ID, UInteger.valueOf(parcel.trackingId())),
            pair(BARCODE, parcel.barcode()),
            pair(TIMESTAMP, new DateTime(parcel.inductedAt())),
            pair(NO_READ, parcel.noRead())
        };
        return new Variant(ExtensionObject.encodeArray(context, pairs));
    }

    /**
     * Decodes the induction node's value. A blank or missing barcode counts as a no-read whatever the flag says.
     *
     * @throws IllegalArgumentException naming what is missing or of the wrong type
     */
    public static Induction decode(DataValue value) {
        if (value == null || value.getValue() == null || value.getValue().getValue() == null) {
            throw new IllegalArgumentException("induction value is empty (status "
                    + (value == null ? "none" : value.getStatusCode()) + ")");
        }
        Object raw = value.getValue().getValue();
        if (!(raw instanceof ExtensionObject[] objects)) {
            throw new IllegalArgumentException("induction value is a " + raw.getClass().getSimpleName()
                    + ", not an array of KeyValuePair");
        }
        Map<String, Object> fields = new HashMap<>();
        for (ExtensionObject o : objects) {
            Object decoded = o.decode(DefaultEncodingContext.INSTANCE);
            if (decoded instanceof KeyValuePair kv && kv.getKey() != null && kv.getValue() != null) {
                fields.put(kv.getKey().getName(), kv.getValue().getValue());
            }
        }
        Object id = fields.get(TRACKING_ID);
        Object at = fields.get(TIMESTAMP);
        Object noRead = fields.get(NO_READ);
        if (!(id instanceof UInteger u) || !(at instanceof DateTime t) || !(noRead instanceof Boolean nr)) {
            throw new IllegalArgumentException("induction value lacks TrackingId (UInt32), Timestamp (DateTime) or"
                    + " NoRead (Boolean): " + fields.keySet());
        }
        String barcode = fields.get(BARCODE) instanceof String s ? s.trim() : "";
        // A scanner that read nothing but left the flag down is still a no-read: the parcel goes to the reject
        // lane and is recorded, rather than being dropped without a decision.
        return new Induction(u.longValue(), barcode, t.getJavaInstant(), nr || barcode.isEmpty());
    }

    private static KeyValuePair pair(String key, Object value) {
        return new KeyValuePair(new QualifiedName(0, key), new Variant(value));
    }
}
