package dev.wedge.edge.dispatch.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.sync.edge.JdbcOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Dispatch events for HQ, appended to the edge outbox inside the transaction of the change they report. Kinds are
 * {@code dispatch.<event>}; every payload carries {@code event} and {@code at}.
 */
public final class DispatchOutbox {
    /** Positions are telemetry: HQ wants them, but after deliveries and failures. */
    private static final int POSITION_PRIORITY = 9;
    private static final int EVENT_PRIORITY = 3;

    private final JdbcOutbox outbox;
    private final ObjectMapper json = new ObjectMapper();

    public DispatchOutbox(JdbcOutbox outbox) {
        this.outbox = outbox;
    }

    /** A new payload for the given event. */
    public ObjectNode payload(String event, Instant at) {
        ObjectNode n = json.createObjectNode();
        n.put("event", event);
        n.put("at", at.toString());
        return n;
    }

    public void append(Connection tx, ObjectNode payload) throws SQLException {
        String event = payload.path("event").asText();
        outbox.append(tx, "dispatch." + event, payload.toString(),
                "position".equals(event) ? POSITION_PRIORITY : EVENT_PRIORITY);
    }

    public ObjectMapper json() {
        return json;
    }
}
