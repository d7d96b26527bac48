package dev.wedge.sync.edge;

import java.time.Instant;

/**
 * A snapshot of the forwarder for the supervisor view and metrics.
 *
 * @param backlog         records not yet acknowledged by HQ
 * @param lastAckAt       when HQ last acknowledged a record (null before the first ack since start)
 * @param lastError       the latest failure, null after a fully acknowledged exchange
 * @param hqReachable     whether the latest exchange with HQ succeeded
 * @param sent            records sent since start (a resent record counts again)
 * @param acked           records acknowledged since start
 * @param rejected        records HQ rejected for good (kept in the outbox with their reason)
 * @param oldestPendingAt creation time of the oldest pending record, null when none
 * @param backlogAlarm    the backlog is larger or older than the configured thresholds
 */
public record ForwarderStatus(long backlog, Instant lastAckAt, String lastError, boolean hqReachable, long sent,
        long acked, long rejected, Instant oldestPendingAt, boolean backlogAlarm) {
}
