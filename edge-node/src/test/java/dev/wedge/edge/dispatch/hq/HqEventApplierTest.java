package dev.wedge.edge.dispatch.hq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.db.EdgeDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HQ's copy of a warehouse's dispatch tables, filled from the events the edge synced. */
class HqEventApplierTest {
    private final ObjectMapper json = new ObjectMapper();
    private final HqEventApplier applier = new HqEventApplier();
    private EdgeDatabase db;

    @BeforeEach
    void open() throws Exception {
        // The same db/dispatch tables HQ keeps per warehouse.
        db = new EdgeDatabase("jdbc:derby:memory:hq-apply-" + UUID.randomUUID() + ";create=true");
        db.migrate();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private ObjectNode routeSheet() throws Exception {
        return (ObjectNode) json.readTree("""
                {"event":"route-sheet","at":"2026-12-03T08:00:00Z","routeId":"R1","vehicleId":"T1","status":"STARTED",
                 "plannedStart":"2026-12-03T08:00:00Z","plannedEnd":"2026-12-03T12:00:00Z","plannedDistanceM":1000,
                 "depot":{"lat":52.0,"lon":5.0},
                 "driver":{"driverId":"D1","name":"Dana","shiftStart":"2026-12-03T07:00:00Z",
                           "shiftEnd":"2026-12-03T17:00:00Z"},
                 "stops":[{"stopId":"S1","seq":1,"address":"1 Main Street","notes":"","lat":52.0,"lon":5.02,
                           "windowStart":"2026-12-03T08:00:00Z","windowEnd":"2026-12-03T12:00:00Z",
                           "serviceSeconds":120,"plannedArrival":"2026-12-03T08:10:00Z","status":"PENDING",
                           "packages":[],
                           "customer":{"customerId":"SHOP","name":"Corner Shop","signature":"WARNED",
                                       "photo":"OPTIONAL","sscc":"WARNED"}}]}""");
    }

    @Test
    void aDeliveryWhoseWarningsAreLongerThanTheColumnStillReachesHqsCopy() throws Exception {
        // The edge's event carries every unscanned SSCC of a big stop; the copy must not stall on it for ever.
        String warnings = "no signature; no scan of package(s) " + "006141410000012345, ".repeat(40);
        ObjectNode delivered = json.createObjectNode().put("event", "delivered").put("at", "2026-12-03T08:20:00Z")
                .put("routeId", "R1").put("stopId", "S1").put("driverId", "D1").put("warnings", warnings);

        try (Connection c = db.getConnection()) {
            applier.apply(c, "dispatch.route-sheet", routeSheet());
            applier.apply(c, "dispatch.delivered", delivered);

            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT status, proof_warnings FROM dispatch_stop WHERE stop_id = 'S1'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("DELIVERED");
                assertThat(rs.getString(2)).startsWith("no signature; no scan of package(s) 006141410000012345")
                        .hasSizeLessThanOrEqualTo(500);
            }
        }
    }
}
