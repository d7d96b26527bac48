package dev.wedge.edge.dispatch.hq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wedge.edge.dispatch.driver.ActionResult;
import dev.wedge.edge.dispatch.driver.DriverAction;
import dev.wedge.edge.dispatch.relay.RelayedActions;
import dev.wedge.edge.dispatch.store.Transactions;
import dev.wedge.edge.dispatch.web.DriverActionSink;
import dev.wedge.sync.hq.HqStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * HQ's side of a driver action: queued once on the warehouse's downward feed ({@link HqStore#publish}, kind
 * {@value RelayedActions#KIND}, entity key = the action's idempotency key), where the edge applies it by its
 * idempotent action path. A key HQ already relayed is not queued again; once the edge's outcome has come back
 * (the {@code dispatch.action} event) a resend is answered with it, as the edge itself would answer.
 */
final class HqActionRelay implements DriverActionSink {
    private final String warehouseId;
    private final Transactions tx;
    private final HqStore store;
    private final Clock clock;

    HqActionRelay(String warehouseId, Transactions tx, HqStore store, Clock clock) {
        this.warehouseId = warehouseId;
        this.tx = tx;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public ActionResult submit(DriverAction action, JsonNode json) throws SQLException {
        String key = action.key();
        Optional<ActionResult> known = tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT outcome, detail FROM dispatch_action WHERE idem_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(answered(key, rs.getString(1), rs.getString(2)));
                    }
                }
            }
            return Optional.empty();
        });
        if (known.isPresent()) {
            return known.get();
        }
        return tx.inTransaction(c -> {
            if (HqEventApplier.update(c, "UPDATE dispatch_hq_relayed SET cursor_no = cursor_no WHERE idem_key = ?",
                    key) == 1) {
                return new ActionResult(key, ActionResult.Outcome.FORWARDED, "", "already queued for "
                        + warehouseId);
            }
            HqEventApplier.update(c, "INSERT INTO dispatch_hq_relayed (idem_key, driver_id, cursor_no, relayed_at)"
                    + " VALUES (?, ?, 0, ?)", key, action.driverId(), Timestamp.from(clock.instant()));
            // Published before this transaction commits: if the commit fails the phone resends, HQ may queue the
            // key a second time, and the edge answers that one from its action log.
            long cursor = store.publish(warehouseId, RelayedActions.KIND, key, json.toString());
            HqEventApplier.update(c, "UPDATE dispatch_hq_relayed SET cursor_no = ? WHERE idem_key = ?", cursor, key);
            return new ActionResult(key, ActionResult.Outcome.FORWARDED, "", "queued for " + warehouseId
                    + " as message " + cursor);
        });
    }

    private static ActionResult answered(String key, String outcome, String detail) {
        if ("APPLIED".equals(outcome)) {
            return new ActionResult(key, ActionResult.Outcome.DUPLICATE, "", detail);
        }
        String[] parts = detail.split(": ", 2);
        return new ActionResult(key, ActionResult.Outcome.REJECTED, parts[0], parts.length > 1 ? parts[1] : "");
    }
}
