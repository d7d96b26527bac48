package dev.wedge.edge.masterdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wedge.edge.app.EdgeNode;
import dev.wedge.edge.config.ConfigReader;
import dev.wedge.sync.edge.Conflict;
import dev.wedge.sync.edge.JdbcConflictList;
import dev.wedge.sync.hq.HqServer;
import dev.wedge.sync.hq.HqSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HQ's master data reaches the edge through inbound sync; what no rule decides lands in the conflict list. */
class MasterDataSyncIT {

    @TempDir
    Path dir;

    @Test
    void productsAndLocationsFromHqAreAppliedAndADeletionOfAProductWithStockBecomesAConflict() throws Exception {
        HqServer hq = new HqServer(HqSettings.local("jdbc:derby:" + dir.resolve("hq") + ";create=true"));
        int port = hq.start();
        EdgeNode edge = new EdgeNode(ConfigReader.from(Map.of("node.id", "WH-MD", "gs1.companyPrefix", "0614141",
                "db.url", "jdbc:derby:memory:md-" + UUID.randomUUID() + ";create=true", "web.port", "0",
                "hq.url", "http://127.0.0.1:" + port + "/", "hq.pollMillis", "50")), Clock.systemUTC()).start();
        try {
            hq.store().publish("WH-MD", "product", "SKU-1",
                    "{\"sku\":\"SKU-1\",\"gtin\":\"12345678901231\",\"description\":\"Crate\"}");
            hq.store().publish("WH-MD", "product", "SKU-1",
                    "{\"sku\":\"SKU-1\",\"gtin\":\"12345678901231\",\"description\":\"Crate, stackable\"}");
            hq.store().publish("WH-MD", "product", "SKU-BAD",
                    "{\"sku\":\"SKU-BAD\",\"gtin\":\"12345678901234\",\"description\":\"wrong check digit\"}");
            hq.store().publish("WH-MD", "location", "B-02-03",
                    "{\"code\":\"B-02-03\",\"kind\":\"PICK\",\"description\":\"Aisle B\"}");
            await().atMost(Duration.ofSeconds(20)).until(() -> count(edge, "SELECT COUNT(*) FROM location"
                    + " WHERE code = 'B-02-03'") == 1);

            assertThat(text(edge, "SELECT description FROM product WHERE sku = 'SKU-1'")).isEqualTo("Crate, stackable");
            assertThat(count(edge, "SELECT COUNT(*) FROM product WHERE sku = 'SKU-BAD'")).isZero();

            try (Connection c = edge.database().getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO stock_on_hand (sku, lot_number, location, quantity)"
                        + " VALUES ('SKU-1', '', 'B-02-03', 4)");
            }
            hq.store().publish("WH-MD", "product-deleted", "SKU-1", "{\"sku\":\"SKU-1\"}");
            await().atMost(Duration.ofSeconds(20)).until(() -> openConflicts(edge).size() == 1);

            Conflict conflict = openConflicts(edge).get(0);
            assertThat(conflict.kind()).isEqualTo("product-deleted");
            assertThat(conflict.detail()).contains("SKU-1").contains("4 units");
            assertThat(text(edge, "SELECT CAST(active AS CHAR(5)) FROM product WHERE sku = 'SKU-1'")).isEqualTo("true");
        } finally {
            edge.close();
            hq.stop();
        }
    }

    @Test
    void ordersFromHqReachTheFloorOnceAndACancellationOfAnOrderBeingPickedBecomesAConflict() throws Exception {
        HqServer hq = new HqServer(HqSettings.local("jdbc:derby:" + dir.resolve("hq2") + ";create=true"));
        int port = hq.start();
        EdgeNode edge = new EdgeNode(ConfigReader.from(Map.of("node.id", "WH-MD", "gs1.companyPrefix", "0614141",
                "db.url", "jdbc:derby:memory:md-" + UUID.randomUUID() + ";create=true", "web.port", "0",
                "hq.url", "http://127.0.0.1:" + port + "/", "hq.pollMillis", "50")), Clock.systemUTC()).start();
        try {
            hq.store().publish("WH-MD", "product", "SKU-1",
                    "{\"sku\":\"SKU-1\",\"gtin\":\"12345678901231\",\"description\":\"Crate\"}");
            for (String id : new String[]{"O-1", "O-1", "O-2"}) {
                hq.store().publish("WH-MD", "order", id, "{\"orderId\":\"" + id + "\",\"customer\":\"Acme\","
                        + "\"route\":\"R1\",\"stopSequence\":1,\"plannedDeparture\":\"2026-12-04T06:00:00Z\","
                        + "\"dockDoor\":\"D1\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":3}]}");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> count(edge, "SELECT COUNT(*) FROM customer_order") == 2);
            assertThat(count(edge, "SELECT COUNT(*) FROM order_line")).isEqualTo(2);

            try (Connection c = edge.database().getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE customer_order SET status = 'RELEASED' WHERE order_id = 'O-2'");
            }
            hq.store().publish("WH-MD", "order-cancelled", "O-1", "{\"orderId\":\"O-1\"}");
            hq.store().publish("WH-MD", "order-cancelled", "O-2", "{\"orderId\":\"O-2\"}");
            await().atMost(Duration.ofSeconds(20)).until(() -> openConflicts(edge).size() == 1);

            assertThat(count(edge, "SELECT COUNT(*) FROM customer_order WHERE order_id = 'O-1'")).isZero();
            assertThat(count(edge, "SELECT COUNT(*) FROM customer_order WHERE order_id = 'O-2'")).isEqualTo(1);
            assertThat(openConflicts(edge).get(0).detail()).contains("O-2").contains("RELEASED");
        } finally {
            edge.close();
            hq.stop();
        }
    }

    private static List<Conflict> openConflicts(EdgeNode edge) throws SQLException {
        try (Connection c = edge.database().getConnection()) {
            return new JdbcConflictList("WH-MD").open(c);
        }
    }

    private static long count(EdgeNode edge, String sql) throws SQLException {
        return Long.parseLong(text(edge, sql));
    }

    private static String text(EdgeNode edge, String sql) throws SQLException {
        try (Connection c = edge.database().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1).trim();
        }
    }
}
