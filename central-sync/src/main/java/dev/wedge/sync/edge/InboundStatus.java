package dev.wedge.sync.edge;

/**
 * A snapshot of the inbound puller.
 *
 * @param appliedThrough highest HQ cursor applied (or parked) in the edge database
 * @param ackedThrough   highest cursor acknowledged to HQ
 * @param applied        messages applied since start
 * @param ignored        messages ignored by an ownership rule or the handler since start
 * @param conflicts      messages parked in the conflict list since start
 * @param lastError      the latest failure, null after a successful round
 */
public record InboundStatus(long appliedThrough, long ackedThrough, long applied, long ignored, long conflicts,
        String lastError) {
}
