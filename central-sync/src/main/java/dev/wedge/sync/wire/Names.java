package dev.wedge.sync.wire;

import dev.wedge.sync.SyncException;
import java.util.regex.Pattern;

/** Rules for the identifiers that appear on the wire (warehouse ids, record kinds, idempotency keys). */
public final class Names {
    private static final Pattern WAREHOUSE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

    private Names() {
    }

    /** Returns the id when it is 1-64 letters, digits, dots, dashes or underscores; throws otherwise. */
    public static String requireWarehouseId(String id) {
        if (id == null || !WAREHOUSE.matcher(id).matches()) {
            throw SyncException.invalid("Warehouse/node id '" + id
                    + "' must be 1-64 characters of letters, digits, '.', '_' or '-'.");
        }
        return id;
    }

    /** Returns the kind when it is lower case, starts with a letter and is at most 64 characters. */
    public static String requireKind(String kind) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw SyncException.invalid("Record kind '" + kind
                    + "' must be lower case letters, digits, '.', '_' or '-', starting with a letter, at most 64.");
        }
        return kind;
    }

    /** The idempotency key of a record: {@code <warehouseId>:<seq>}. */
    public static String key(String warehouseId, long seq) {
        return warehouseId + ":" + seq;
    }
}
