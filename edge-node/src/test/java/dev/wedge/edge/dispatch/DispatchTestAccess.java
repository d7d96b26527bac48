package dev.wedge.edge.dispatch;

import dev.wedge.edge.dispatch.driver.ActionType;
import dev.wedge.edge.dispatch.model.DeliveryOrder;
import dev.wedge.edge.auth.Role;
import dev.wedge.edge.auth.Sessions;
import dev.wedge.edge.auth.UserStore;
import dev.wedge.edge.dispatch.web.DispatchAccess;
import dev.wedge.edge.dispatch.web.DispatchHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A started one-route day for tests in other packages. */
public final class DispatchTestAccess implements AutoCloseable {
    static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk"
            + "YAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
    private final DispatchFixture f;
    private final DeliveryOrder s2;

    private DispatchTestAccess(DispatchSettings settings) throws Exception {
        f = new DispatchFixture(settings);
        f.dispatch.upsertDriver("D1", "Dana", DispatchFixture.T0, DispatchFixture.T0.plus(Duration.ofHours(10)));
        DeliveryOrder s1 = f.order("S1", "ACME", 52.0, 5.02, 0, 240, 1);
        s2 = f.order("S2", "ACME", 52.0, 5.04, 0, 240, 1);
        f.planDay("DAY", List.of(s1, s2), "T1");
        f.dispatch.assignAll();
        f.act("D1", ActionType.START, null);
        f.position("D1", 52.0, 5.0);
    }

    public static DispatchTestAccess oneRouteStarted() throws Exception {
        return new DispatchTestAccess(DispatchSettings.defaults().withSpeed(36, 1));
    }

    public static DispatchTestAccess oneRouteStarted(DispatchSettings settings) throws Exception {
        return new DispatchTestAccess(settings);
    }

    /** Accounts of {@link #handler()}: badge to role; each one's PIN is {@link #PIN}. */
    public static final Map<String, Role> ACCOUNTS = Map.of("D1", Role.DRIVER, "D2", Role.DRIVER, "SUP",
            Role.SUPERVISOR, "ADM", Role.ADMIN, "PICK", Role.PICKER);
    public static final String PIN = "4321";

    public Dispatch dispatch() {
        return f.dispatch;
    }

    /** Sessions on the fixture's clock, idle after 15 minutes. */
    public Sessions sessions() {
        return sessions;
    }

    private Sessions sessions;

    /** The edge's handler over {@link #ACCOUNTS}, with sessions on the fixture's clock. */
    public DispatchHandler handler() {
        return handler("/");
    }

    /** The same, its session cookie scoped to {@code cookiePath}. */
    public DispatchHandler handler(String cookiePath) {
        sessions = new Sessions(f.clock, Duration.ofMinutes(15), Duration.ofHours(12));
        return new DispatchHandler(dispatch(), new DispatchAccess(sessions, (badge, pin) -> Optional.ofNullable(ACCOUNTS.get(badge))
                .filter(r -> PIN.equals(new String(pin))).map(r -> new UserStore.User(badge, badge + " one", r, true)),
                cookiePath));
    }

    public MutableClockAccess clock() {
        return new MutableClockAccess(f.clock);
    }

    public void deliverS2() throws Exception {
        f.dispatch.apply(f.action("D1", ActionType.DELIVER, "S2", Optional.of(PNG), Optional.empty(), s2.ssccs(),
                Optional.empty()));
    }

    public void position(double lat, double lon) throws Exception {
        f.position("D1", lat, lon);
    }

    /** Breaks the database under the running node, as a failed disk or a botched migration would. */
    public void dropTable(String table) throws Exception {
        try (var c = f.db.getConnection(); var st = c.createStatement()) {
            st.executeUpdate("DROP TABLE " + table);
        }
    }

    @Override
    public void close() throws Exception {
        f.close();
    }

    /** The fixture's clock, moved by hand. */
    public record MutableClockAccess(MutableClock clock) {
        public void set(java.time.Instant i) {
            clock.set(i);
        }

        public void advance(Duration d) {
            clock.advance(d);
        }
    }
}
