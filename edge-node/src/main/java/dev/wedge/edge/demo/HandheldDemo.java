package dev.wedge.edge.demo;

import dev.wedge.edge.app.EdgeNode;
import dev.wedge.edge.auth.Role;
import dev.wedge.edge.floor.FloorException;
import dev.wedge.sync.edge.JdbcOutbox;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepares the demo's handheld floor: the picking sample warehouse, its orders as one wave, its trucks, and one
 * user per role with a random PIN (printed by the demo; no fixed PIN ships with Wedge).
 */
public final class HandheldDemo {

    private HandheldDemo() {
    }

    /** Seeds the floor and returns badge to PIN for the demo users. */
    public static Map<String, String> prepare(EdgeNode edge, String nodeId) throws SQLException, FloorException {
        HandheldSample.seed(edge.floor().tx(), new JdbcOutbox(nodeId), LocalDate.now(Clock.systemUTC()));
        HandheldSample.seedOrders(edge.floor().orders());
        HandheldSample.seedTrucks(edge.floor().loading());
        edge.floor().waves().planWaves();
        SecureRandom random = new SecureRandom();
        Map<String, String> users = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            String badge = "DEMO-" + role.name();
            String pin = String.format("%06d", random.nextInt(1_000_000));
            edge.floor().users().create(badge, "Demo " + role.wire(), role, pin.toCharArray());
            users.put(badge, pin);
        }
        return users;
    }
}
