package dev.wedge.edge.dispatch.relay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.dispatch.store.DispatchOutbox;
import dev.wedge.edge.dispatch.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends HQ the login credentials of the site's driver accounts, so a driver on the road can log into HQ's copy
 * of the driver app with the same badge and PIN. Only the PBKDF2 hash, its salt and iteration count travel (never
 * a PIN). An account is sent again when its hash, name or active flag changed; what was sent is remembered in
 * {@code dispatch_credential_sent} in the same transaction as the outbox record, so each change goes once.
 */
public final class DriverCredentials {
    private final Transactions tx;
    private final DispatchOutbox outbox;
    private final Clock clock;

    private record Account(String badge, String name, String hash, String salt, int iterations, boolean active) {
        String fingerprint() {
            return hash + "|" + name + "|" + active;
        }
    }

    public DriverCredentials(Transactions tx, DispatchOutbox outbox, Clock clock) {
        this.tx = tx;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Sends every driver account that changed since it was last sent; returns how many were sent. */
    public int publishChanged() throws SQLException {
        return tx.inTransaction(c -> {
            int sent = 0;
            for (Account a : changed(c)) {
                ObjectNode p = outbox.payload("driver-credential", clock.instant());
                p.put("badge", a.badge()).put("name", a.name()).put("pinHash", a.hash()).put("pinSalt", a.salt())
                        .put("iterations", a.iterations()).put("active", a.active());
                outbox.append(c, p);
                remember(c, a);
                sent++;
            }
            return sent;
        });
    }

    private static List<Account> changed(Connection c) throws SQLException {
        List<Account> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT u.badge, u.display_name, u.pin_hash, u.pin_salt,"
                + " u.iterations, u.active, s.fingerprint FROM wedge_user u LEFT JOIN dispatch_credential_sent s"
                + " ON s.badge = u.badge WHERE u.role = 'DRIVER' ORDER BY u.badge");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Account a = new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getBoolean(6));
                if (!a.fingerprint().equals(rs.getString(7))) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    private void remember(Connection c, Account a) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE dispatch_credential_sent SET fingerprint = ?, sent_at = ? WHERE badge = ?")) {
            up.setString(1, a.fingerprint());
            up.setTimestamp(2, Timestamp.from(clock.instant()));
            up.setString(3, a.badge());
            if (up.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement(
                "INSERT INTO dispatch_credential_sent (badge, fingerprint, sent_at) VALUES (?, ?, ?)")) {
            in.setString(1, a.badge());
            in.setString(2, a.fingerprint());
            in.setTimestamp(3, Timestamp.from(clock.instant()));
            in.executeUpdate();
        }
    }
}
