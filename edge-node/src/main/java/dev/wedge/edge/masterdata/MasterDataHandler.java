package dev.wedge.edge.masterdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wedge.scanner.gs1.Gtin;
import dev.wedge.sync.edge.InboundHandler;
import dev.wedge.sync.edge.InboundOutcome;
import dev.wedge.sync.wire.InboundMessage;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Applies HQ's master data to the edge database, one message per transaction (the puller's): products
 * ({@code product}: sku, gtin, description), product deletions ({@code product-deleted}: sku) and locations
 * ({@code location}: code, kind, description).
 *
 * <p>HQ owns master data, so a product or location message replaces what the edge had. A deletion of a product
 * that still has stock on the floor is not decided here: it goes to the supervisor's conflict list. A message
 * that cannot be read (missing field, bad GTIN) is ignored with its reason, never half applied.
 */
public final class MasterDataHandler implements InboundHandler {

    private static final String DUPLICATE_KEY = "23505";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public InboundOutcome apply(Connection tx, InboundMessage message) throws SQLException {
        JsonNode body;
        try {
            body = json.readTree(message.payload());
        } catch (IOException e) {
            return InboundOutcome.ignored("unreadable", "payload of " + message.kind() + " is not JSON: " + e.getMessage());
        }
        try {
            return switch (message.kind()) {
                case "product" -> product(tx, body);
                case "product-deleted" -> productDeleted(tx, required(body, "sku"));
                case "location" -> location(tx, body);
                default -> InboundOutcome.ignored("not-master-data", "kind " + message.kind()
                        + " is not handled by the master data handler");
            };
        } catch (IllegalArgumentException e) {
            return InboundOutcome.ignored("invalid", e.getMessage());
        }
    }

    private InboundOutcome product(Connection tx, JsonNode body) throws SQLException {
        String sku = required(body, "sku");
        Gtin gtin = Gtin.parse(required(body, "gtin"));
        String description = required(body, "description");
        try (PreparedStatement up = tx.prepareStatement(
                "UPDATE product SET gtin = ?, description = ? WHERE sku = ?")) {
            up.setString(1, gtin.value());
            up.setString(2, description);
            up.setString(3, sku);
            if (up.executeUpdate() == 1) {
                return InboundOutcome.applied();
            }
        } catch (SQLException e) {
            return gtinTaken(e, gtin, sku);
        }
        try (PreparedStatement in = tx.prepareStatement(
                "INSERT INTO product (sku, gtin, description) VALUES (?, ?, ?)")) {
            in.setString(1, sku);
            in.setString(2, gtin.value());
            in.setString(3, description);
            in.executeUpdate();
            return InboundOutcome.applied();
        } catch (SQLException e) {
            return gtinTaken(e, gtin, sku);
        }
    }

    private static InboundOutcome gtinTaken(SQLException e, Gtin gtin, String sku) throws SQLException {
        if (!DUPLICATE_KEY.equals(e.getSQLState())) {
            throw e;
        }
        return InboundOutcome.conflict("gtin-taken", "GTIN " + gtin + " of product " + sku
                + " already belongs to another product here");
    }

    private static InboundOutcome productDeleted(Connection tx, String sku) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT COALESCE(SUM(quantity), 0) FROM stock_on_hand WHERE sku = ?")) {
            ps.setString(1, sku);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long onHand = rs.getLong(1);
                if (onHand > 0) {
                    return InboundOutcome.conflict("deleted-with-stock", "HQ deleted product " + sku
                            + " but " + onHand + " units are on hand here");
                }
            }
        }
        try (PreparedStatement ps = tx.prepareStatement("UPDATE product SET active = FALSE WHERE sku = ?")) {
            ps.setString(1, sku);
            return ps.executeUpdate() == 1 ? InboundOutcome.applied()
                    : InboundOutcome.ignored("unknown-product", "product " + sku + " is not known here");
        }
    }

    private static InboundOutcome location(Connection tx, JsonNode body) throws SQLException {
        String code = required(body, "code");
        String kind = required(body, "kind");
        String description = body.path("description").asText(code);
        try (PreparedStatement up = tx.prepareStatement("UPDATE location SET kind = ?, description = ? WHERE code = ?")) {
            up.setString(1, kind);
            up.setString(2, description);
            up.setString(3, code);
            if (up.executeUpdate() == 1) {
                return InboundOutcome.applied();
            }
        }
        try (PreparedStatement in = tx.prepareStatement("INSERT INTO location (code, kind, description) VALUES (?, ?, ?)")) {
            in.setString(1, code);
            in.setString(2, kind);
            in.setString(3, description);
            in.executeUpdate();
            return InboundOutcome.applied();
        }
    }

    private static String required(JsonNode body, String field) {
        String value = body.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value;
    }
}
