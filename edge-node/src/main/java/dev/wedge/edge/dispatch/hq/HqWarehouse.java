package dev.wedge.edge.dispatch.hq;

import dev.wedge.edge.auth.PinHasher;
import dev.wedge.edge.auth.Role;
import dev.wedge.edge.auth.Sessions;
import dev.wedge.edge.auth.UserStore;
import dev.wedge.edge.dispatch.Dispatch;
import dev.wedge.edge.dispatch.DispatchSettings;
import dev.wedge.edge.dispatch.store.Transactions;
import dev.wedge.edge.dispatch.web.DispatchAccess;
import dev.wedge.edge.dispatch.web.DispatchHandler;
import dev.wedge.routing.jsprit.JspritRouteSolver;
import dev.wedge.sync.edge.JdbcOutbox;
import dev.wedge.sync.hq.HqStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * One warehouse at HQ: its schema, a {@link Dispatch} over it (read side only: views, map, metrics), the driver
 * app's handler with HQ's own sessions, and driver logins checked against the credentials the warehouse synced.
 */
final class HqWarehouse {
    /** How long a driver's session at HQ lives without a request, and at most. */
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration MAXIMUM = Duration.ofHours(14);

    private final String warehouseId;
    private final WarehouseSchema schema;
    private final Transactions tx;
    private final Dispatch readSide;
    private final DispatchHandler handler;
    private final PinHasher hasher = new PinHasher();

    HqWarehouse(String dbUrl, String warehouseId, HqStore store, Clock clock) {
        this.warehouseId = warehouseId;
        this.schema = WarehouseSchema.open(dbUrl, warehouseId);
        this.tx = new Transactions(schema);
        // Nothing is applied, planned or notified here, so the outbox and the solver are never used.
        this.readSide = new Dispatch(schema, new JdbcOutbox(warehouseId, clock), DispatchSettings.defaults(),
                new JspritRouteSolver(), clock);
        Sessions sessions = new Sessions(clock, IDLE, MAXIMUM);
        this.handler = DispatchHandler.forDrivers(readSide, new DispatchAccess(sessions, this::authenticate,
                "/warehouses/" + warehouseId + "/"), new HqActionRelay(warehouseId, tx, store, clock));
    }

    String warehouseId() {
        return warehouseId;
    }

    Transactions tx() {
        return tx;
    }

    Dispatch readSide() {
        return readSide;
    }

    DispatchHandler handler() {
        return handler;
    }

    private Optional<UserStore.User> authenticate(String badge, char[] pin) throws Exception {
        Optional<Object[]> row = tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, pin_hash, pin_salt, iterations FROM"
                    + " dispatch_hq_credential WHERE badge = ? AND active = TRUE")) {
                ps.setString(1, badge);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Object[] {rs.getString(1),
                        new PinHasher.Hash(rs.getString(2), rs.getString(3), rs.getInt(4))}) : Optional.empty();
                }
            }
        });
        if (row.isEmpty()) {
            // Hash anyway so an unknown badge takes as long as a wrong PIN.
            hasher.hash(pin);
            return Optional.empty();
        }
        if (!hasher.matches(pin, (PinHasher.Hash) row.get()[1])) {
            return Optional.empty();
        }
        return Optional.of(new UserStore.User(badge, (String) row.get()[0], Role.DRIVER, true));
    }
}
