package dev.wedge.sync.edge;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import dev.wedge.sync.wire.BatchAnswer;
import dev.wedge.sync.wire.RecordEnvelope;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * A batch the forwarder has handed to its sending thread: the records (still pending in the outbox), when it
 * was sent, and HQ's answer to come.
 */
record InFlightBatch(List<RecordEnvelope> records, Instant sentAt, Future<BatchAnswer> answer) {
    InFlightBatch {
        records = List.copyOf(records);
    }

    /**
     * Waits for HQ's answer. A failed send is rethrown as what the send threw ({@link SyncException} for HQ's
     * refusals and network trouble), so the caller handles it as it would a send on its own thread.
     */
    BatchAnswer await() throws InterruptedException {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            if (cause instanceof InterruptedException) {
                throw new InterruptedException("Sending was interrupted");
            }
            throw new SyncException(SyncErrorCode.HQ_UNREACHABLE, "Sending the batch failed: " + cause, cause);
        }
    }
}
