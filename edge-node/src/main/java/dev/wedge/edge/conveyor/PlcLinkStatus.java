package dev.wedge.edge.conveyor;

import java.time.Instant;

/**
 * The health of the OPC UA session to one sorter PLC, as {@code /api/status} and the supervisor view show it.
 *
 * @param plcId            the logical id
 * @param endpoint         the endpoint URL
 * @param securityPolicy   the policy of the session in use (or the configured one while down)
 * @param connected        a session is active and the induction subscription exists
 * @param sessions         sessions established since start (more than one means reconnects happened)
 * @param subscriptions    induction subscriptions created since start (new ones after failed transfers)
 * @param lastConnectedAt  when the current or last session came up
 * @param lastLostAt       when the last session was lost
 * @param lastError        why the link is down or the last attempt failed; null when none
 */
public record PlcLinkStatus(String plcId, String endpoint, String securityPolicy, boolean connected, long sessions,
                            long subscriptions, Instant lastConnectedAt, Instant lastLostAt, String lastError) {
}
