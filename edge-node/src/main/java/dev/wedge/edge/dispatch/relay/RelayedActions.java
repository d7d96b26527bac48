package dev.wedge.edge.dispatch.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wedge.edge.dispatch.Dispatch;
import dev.wedge.edge.dispatch.driver.ActionResult;
import dev.wedge.edge.dispatch.driver.DriverAction;
import dev.wedge.edge.dispatch.model.DispatchException;
import dev.wedge.edge.dispatch.web.ActionJson;
import dev.wedge.sync.edge.InboundHandler;
import dev.wedge.sync.edge.InboundOutcome;
import dev.wedge.sync.wire.InboundMessage;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Applies driver actions that a driver on the road sent to HQ ({@value #KIND} messages of HQ's downward feed) by
 * the same path as actions sent to the edge directly: {@link Dispatch#apply}, which claims the action's key, so a
 * message delivered twice, or an action the phone also sent to the edge, changes things once. The action's
 * outcome goes back to HQ as {@code dispatch.action} through the outbox, like every other.
 *
 * <p>{@code Dispatch.apply} keeps its own transaction: if the node stops between it and the inbound cursor's
 * commit the message comes again and is answered from the action log.
 */
public final class RelayedActions implements InboundHandler {
    /** The message kind of a relayed driver action; its entity key is the action's idempotency key. */
    public static final String KIND = "driver-action";

    private final Dispatch dispatch;
    private final ObjectMapper json = new ObjectMapper();

    public RelayedActions(Dispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Override
    public InboundOutcome apply(Connection tx, InboundMessage message) throws SQLException {
        DriverAction action;
        try {
            JsonNode n = json.readTree(message.payload());
            action = ActionJson.action(n);
        } catch (IOException | DispatchException e) {
            return InboundOutcome.ignored("invalid", "driver action " + message.key() + " cannot be read: "
                    + e.getMessage());
        }
        ActionResult r = dispatch.apply(action);
        return r.outcome() == ActionResult.Outcome.REJECTED
                ? InboundOutcome.ignored("driver-action-rejected", r.code() + ": " + r.detail())
                : InboundOutcome.applied();
    }
}
