package dev.wedge.edge.receiving;

import dev.wedge.scanner.gs1.Sscc;

/** What became of one receiving scan. */
public sealed interface ReceiptOutcome {

    long scanId();

    /** The unit was booked into the receiving location and its pallet label queued. */
    record Accepted(long scanId, Sscc sscc, boolean ssccGenerated, String sku, String lot, int quantity,
                    long outboxSeq, long labelJobId) implements ReceiptOutcome {
    }

    /** The scan was stored as rejected and changed no stock. */
    record Rejected(long scanId, RejectionCode code, String reason) implements ReceiptOutcome {
    }
}
