package dev.wedge.sync.faults;

import java.util.Map;

/**
 * The outcome of a fault run.
 *
 * @param faults             faults injected
 * @param faultsByType       the same by type ({@code KILL_EDGE}, {@code RESTART_HQ}, {@code DROP}, ...)
 * @param records            records in the edge outbox at the end
 * @param hqRecords          records HQ holds for the warehouse at the end
 * @param lost               edge records HQ does not hold (goal 0)
 * @param duplicated         HQ records beyond one per edge record, or differing from it (goal 0)
 * @param ledgerMatchesOutbox every edge ledger row has exactly its outbox record and vice versa
 * @param gapFree            the edge sequences are 1..records without a gap
 * @param edgeChecksum       SHA-256 over the edge records in sequence order
 * @param hqChecksum         SHA-256 over HQ's records in sequence order
 * @param convergeSeconds    from the last fault until the edge had every record acknowledged
 * @param seconds            the whole run
 * @param completed          the run finished before its timeout
 */
public record FaultRunResult(int faults, Map<String, Integer> faultsByType, long records, long hqRecords, long lost,
        long duplicated, boolean ledgerMatchesOutbox, boolean gapFree, String edgeChecksum, String hqChecksum,
        double convergeSeconds, double seconds, boolean completed) {
    public FaultRunResult {
        faultsByType = Map.copyOf(faultsByType);
    }

    /** True when HQ's ledger equals the edge's: same records, same order, no gaps, no duplicates. */
    public boolean converged() {
        return completed && lost == 0 && duplicated == 0 && ledgerMatchesOutbox && gapFree
                && edgeChecksum.equals(hqChecksum) && records == hqRecords;
    }
}
