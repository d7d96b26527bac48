package dev.wedge.sync.bench;

import dev.wedge.sync.hq.HqStore;
import dev.wedge.sync.hq.StoredRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Compares the edge outbox with HQ's records of the same warehouse, both read in sequence order a page at a
 * time so that a million records need no more memory than a page. A record counts as delivered when HQ holds
 * it under the same sequence with the same key, kind and payload.
 *
 * @param edgeRecords records in the edge outbox
 * @param hqRecords   records HQ holds for the warehouse
 * @param lost        edge records HQ does not hold identically
 * @param duplicated  HQ records that are not an identical copy of an edge record
 * @param stillPending edge records not marked acknowledged
 */
record LedgerAudit(long edgeRecords, long hqRecords, long lost, long duplicated, long stillPending) {
    private static final int PAGE = 10_000;

    static LedgerAudit of(DataSource edge, String nodeId, HqStore hq) throws SQLException {
        long edgeCount = 0;
        long hqCount = 0;
        long matched = 0;
        long pending = 0;
        HqPages hqPages = new HqPages(hq, nodeId);
        StoredRecord h = hqPages.next();
        try (Connection c = edge.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT seq, idem_key, kind, payload, state"
                        + " FROM sync_outbox WHERE node_id = ? ORDER BY seq")) {
            ps.setString(1, nodeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    edgeCount++;
                    long seq = rs.getLong(1);
                    pending += rs.getInt(5) == 1 ? 0 : 1;
                    while (h != null && h.seq() < seq) {
                        hqCount++;
                        h = hqPages.next();
                    }
                    if (h != null && h.seq() == seq) {
                        hqCount++;
                        if (h.key().equals(rs.getString(2)) && h.kind().equals(rs.getString(3))
                                && h.payload().equals(rs.getString(4))) {
                            matched++;
                        }
                        h = hqPages.next();
                    }
                }
            }
        }
        for (; h != null; h = hqPages.next()) {
            hqCount++;
        }
        return new LedgerAudit(edgeCount, hqCount, edgeCount - matched, hqCount - matched, pending);
    }

    /** HQ's records of one warehouse in sequence order, read a page at a time. */
    private static final class HqPages {
        private final HqStore hq;
        private final String warehouseId;
        private Iterator<StoredRecord> page = List.<StoredRecord>of().iterator();
        private long after;
        private boolean exhausted;

        HqPages(HqStore hq, String warehouseId) {
            this.hq = Objects.requireNonNull(hq);
            this.warehouseId = warehouseId;
        }

        StoredRecord next() {
            if (!page.hasNext() && !exhausted) {
                List<StoredRecord> records = hq.records(warehouseId, after, PAGE);
                exhausted = records.size() < PAGE;
                if (!records.isEmpty()) {
                    after = records.get(records.size() - 1).seq();
                }
                page = records.iterator();
            }
            return page.hasNext() ? page.next() : null;
        }
    }
}
