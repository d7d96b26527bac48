package dev.wedge.sync.hq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wedge.sync.wire.RecordEnvelope;
import dev.wedge.sync.wire.WireCodec;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps HQ's report tables in step with newly stored records, inside the store transaction. It reads only the
 * payload fields documented in {@code docs/sync-protocol.md} (Reports); a payload without them is stored as
 * usual and simply does not count towards stock or shipments.
 */
final class ReportProjection {
    static final String MOVEMENT = "movement";
    static final String SHIPMENT = "shipment";
    static final String DELIVERY = "proof-of-delivery";
    private static final Logger LOG = LoggerFactory.getLogger(ReportProjection.class);

    private record Hour(String kind, Instant start) implements Comparable<Hour> {
        @Override
        public int compareTo(Hour o) {
            int k = kind.compareTo(o.kind);
            return k != 0 ? k : start.compareTo(o.start);
        }
    }

    private final Connection c;
    private final String warehouseId;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    ReportProjection(Connection c, String warehouseId) {
        this.c = c;
        this.warehouseId = warehouseId;
    }

    void apply(List<RecordEnvelope> fresh) throws SQLException {
        try {
            project(fresh);
        } finally {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
            statements.clear();
        }
    }

    private void project(List<RecordEnvelope> fresh) throws SQLException {
        Map<Hour, Long> hours = new TreeMap<>();
        Map<String, BigDecimal> stock = new TreeMap<>();
        for (RecordEnvelope r : fresh) {
            hours.merge(new Hour(r.kind(), r.createdAt().truncatedTo(ChronoUnit.HOURS)), 1L, Long::sum);
            if (MOVEMENT.equals(r.kind())) {
                JsonNode p = parse(r);
                String product = p == null ? null : text(p, "product", "sku");
                JsonNode qty = p == null ? null : p.has("qty") ? p.get("qty") : p.get("quantity");
                if (product != null && qty != null && qty.isNumber()) {
                    stock.merge(product, qty.decimalValue(), BigDecimal::add);
                }
            } else if (SHIPMENT.equals(r.kind()) || DELIVERY.equals(r.kind())) {
                shipment(r);
            }
        }
        for (Map.Entry<Hour, Long> e : hours.entrySet()) {
            upsert("UPDATE hq_hourly SET record_count = record_count + ? WHERE warehouse_id = ? AND kind = ?"
                    + " AND hour_start = ?", "INSERT INTO hq_hourly (record_count, warehouse_id, kind, hour_start)"
                    + " VALUES (?, ?, ?, ?)", e.getValue(), warehouseId, e.getKey().kind(),
                    Timestamp.from(e.getKey().start()));
        }
        for (Map.Entry<String, BigDecimal> e : stock.entrySet()) {
            upsert("UPDATE hq_stock SET quantity = quantity + ? WHERE warehouse_id = ? AND product = ?",
                    "INSERT INTO hq_stock (quantity, warehouse_id, product) VALUES (?, ?, ?)", e.getValue(),
                    warehouseId, e.getKey());
        }
    }

    private void shipment(RecordEnvelope r) throws SQLException {
        JsonNode p = parse(r);
        String id = p == null ? null : text(p, "shipmentId");
        if (id == null) {
            return;
        }
        Timestamp due = time(p, "dueAt");
        Timestamp shipped = SHIPMENT.equals(r.kind()) ? Timestamp.from(r.createdAt()) : null;
        Timestamp delivered = null;
        if (DELIVERY.equals(r.kind())) {
            Timestamp at = time(p, "deliveredAt");
            delivered = at != null ? at : Timestamp.from(r.createdAt());
        }
        upsert("UPDATE hq_shipment SET shipped_at = COALESCE(?, shipped_at), due_at = COALESCE(?, due_at),"
                + " delivered_at = COALESCE(?, delivered_at) WHERE warehouse_id = ? AND shipment_id = ?",
                "INSERT INTO hq_shipment (shipped_at, due_at, delivered_at, warehouse_id, shipment_id)"
                + " VALUES (?, ?, ?, ?, ?)", shipped, due, delivered, warehouseId, limit(id));
    }

    /** UPDATE, and INSERT when no row matched; the warehouse row lock keeps other writers out meanwhile. */
    private void upsert(String update, String insert, Object... args) throws SQLException {
        PreparedStatement ps = statement(update);
        bind(ps, args);
        if (ps.executeUpdate() > 0) {
            return;
        }
        ps = statement(insert);
        bind(ps, args);
        ps.executeUpdate();
    }

    /** One statement per SQL text for the whole batch: a batch touches hundreds of stock rows. */
    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = c.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                ps.setNull(i + 1, java.sql.Types.TIMESTAMP);
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
    }

    private static JsonNode parse(RecordEnvelope r) {
        try {
            JsonNode node = WireCodec.mapper().readTree(r.payload());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            LOG.debug("Payload of {} is not a JSON object; it counts towards no report", r.key());
            return null;
        }
    }

    private static String text(JsonNode p, String... names) {
        for (String n : names) {
            JsonNode v = p.get(n);
            if (v != null && v.isValueNode() && !v.asText().isBlank()) {
                return limit(v.asText());
            }
        }
        return null;
    }

    private static String limit(String s) {
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    private static Timestamp time(JsonNode p, String name) {
        String text = text(p, name);
        if (text == null) {
            return null;
        }
        try {
            return Timestamp.from(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
