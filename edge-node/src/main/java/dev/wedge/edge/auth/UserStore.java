package dev.wedge.edge.auth;

import dev.wedge.edge.floor.FloorError;
import dev.wedge.edge.floor.FloorException;
import dev.wedge.edge.floor.Jdbc;
import dev.wedge.edge.floor.Transactions;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * People who may log in, by badge, with a hashed PIN. There are no built-in accounts: the first admin is
 * created by {@code ./wedge setup admin}, and admins create everyone else.
 */
public final class UserStore {

    /** A person's account as the API shows it (never the hash). */
    public record User(String badge, String name, Role role, boolean active) {
    }

    private final Transactions tx;
    private final PinHasher hasher;
    private final Clock clock;

    public UserStore(Transactions tx, PinHasher hasher, Clock clock) {
        this.tx = tx;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Creates an account.
     *
     * @throws FloorException {@code INVALID_REQUEST} for a malformed badge or a PIN that is not 4 to 12 digits,
     *                        {@code CONFLICT} when the badge is taken
     */
    public User create(String badge, String name, Role role, char[] pin) throws SQLException, FloorException {
        if (badge == null || !badge.matches("[A-Za-z0-9_-]{3,40}")) {
            throw FloorException.invalid("badge '" + badge + "' must be 3 to 40 letters, digits, '-' or '_'");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw FloorException.invalid("a user needs a name of 1 to 100 characters");
        }
        if (pin == null || !new String(pin).matches("\\d{4,12}")) {
            throw FloorException.invalid("a PIN must be 4 to 12 digits");
        }
        PinHasher.Hash h = hasher.hash(pin);
        tx.inTransaction(c -> {
            if (Jdbc.count(c, "SELECT COUNT(*) FROM wedge_user WHERE badge = ?", badge) > 0) {
                throw new FloorException(FloorError.CONFLICT, "badge " + badge + " already has an account");
            }
            return Jdbc.update(c, "INSERT INTO wedge_user (badge, display_name, role, pin_hash, pin_salt, iterations,"
                    + " active, created_at) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?)", badge, name, role.name(), h.hash(),
                    h.salt(), h.iterations(), clock.instant());
        });
        return new User(badge, name, role, true);
    }

    /** The active user whose badge and PIN match; empty for an unknown badge or a wrong PIN. */
    public Optional<User> authenticate(String badge, char[] pin) throws SQLException, FloorException {
        Optional<Object[]> row = tx.read(c -> Jdbc.one(c, "SELECT badge, display_name, role, pin_hash, pin_salt,"
                + " iterations FROM wedge_user WHERE badge = ? AND active = TRUE", rs -> new Object[]{rs.getString(1),
                rs.getString(2), rs.getString(3), new PinHasher.Hash(rs.getString(4), rs.getString(5), rs.getInt(6))},
                badge));
        if (row.isEmpty()) {
            // Hash anyway so an unknown badge takes as long as a wrong PIN.
            hasher.hash(pin);
            return Optional.empty();
        }
        Object[] r = row.get();
        if (!hasher.matches(pin, (PinHasher.Hash) r[3])) {
            return Optional.empty();
        }
        return Optional.of(new User((String) r[0], (String) r[1], Role.valueOf((String) r[2]), true));
    }

    public List<User> list() throws SQLException, FloorException {
        return tx.read(c -> Jdbc.list(c, "SELECT badge, display_name, role, active FROM wedge_user ORDER BY badge",
                rs -> new User(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getBoolean(4))));
    }

    public long count() throws SQLException, FloorException {
        return tx.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM wedge_user"));
    }
}
