package dev.wedge.edge.dispatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wedge.edge.dispatch.driver.ActionResult;
import dev.wedge.edge.dispatch.driver.DriverAction;

/**
 * Where the driver app's actions go: at the edge straight to {@code Dispatch.apply} (applied exactly once by its
 * key), at HQ onto the warehouse's downward feed, from where the edge applies them by the same path.
 */
@FunctionalInterface
public interface DriverActionSink {

    /**
     * Takes one action, given both parsed and as the JSON it came in (with the session's driver id); throws only
     * when the store failed (the phone then keeps it and sends it again).
     */
    ActionResult submit(DriverAction action, JsonNode json) throws Exception;
}
