package dev.wedge.sync.edge;

import dev.wedge.sync.wire.InboundMessage;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The application's side of inbound sync: applies one HQ-owned message inside the given transaction, which
 * also advances the inbound cursor. It must not commit, roll back or close {@code tx}.
 */
@FunctionalInterface
public interface InboundHandler {
    /**
     * @return what was done; {@link InboundOutcome#conflict} parks the message in the conflict list
     * @throws SQLException to roll the message back and retry it later (the cursor does not move)
     */
    InboundOutcome apply(Connection tx, InboundMessage message) throws SQLException;
}
