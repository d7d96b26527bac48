package dev.wedge.sync.faults;

import dev.wedge.sync.hq.StoredRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Reads the edge's ledger and outbox after a run and compares them with HQ's records. */
final class LedgerComparison {
    private final List<String> edgeLines;
    private final boolean ledgerMatchesOutbox;

    LedgerComparison(DataSource edgeDb) throws SQLException {
        try (Connection c = edgeDb.getConnection(); Statement st = c.createStatement()) {
            edgeLines = lines(st, "SELECT seq, idem_key, kind, payload FROM sync_outbox ORDER BY seq");
            ledgerMatchesOutbox = ledgerMatches(st);
        }
    }

    List<String> edgeLines() {
        return edgeLines;
    }

    boolean ledgerMatchesOutbox() {
        return ledgerMatchesOutbox;
    }

    boolean gapFree() {
        for (int i = 0; i < edgeLines.size(); i++) {
            if (!edgeLines.get(i).startsWith((i + 1) + "|")) {
                return false;
            }
        }
        return true;
    }

    static String line(StoredRecord r) {
        return r.seq() + "|" + r.key() + "|" + r.kind() + "|" + r.payload();
    }

    /** Edge lines missing at HQ. */
    long lost(List<String> hqLines) {
        Map<String, Integer> hq = counts(hqLines);
        return edgeLines.stream().filter(l -> !hq.containsKey(l)).count();
    }

    /** HQ lines that are repeats or that the edge never wrote. */
    long duplicated(List<String> hqLines) {
        Map<String, Integer> edge = counts(edgeLines);
        long extra = 0;
        for (Map.Entry<String, Integer> e : counts(hqLines).entrySet()) {
            extra += edge.containsKey(e.getKey()) ? e.getValue() - 1 : e.getValue();
        }
        return extra;
    }

    static String checksum(List<String> lines) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String l : lines) {
                md.update(l.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static Map<String, Integer> counts(List<String> lines) {
        Map<String, Integer> m = new HashMap<>();
        lines.forEach(l -> m.merge(l, 1, Integer::sum));
        return m;
    }

    private static List<String> lines(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
            }
        }
        return out;
    }

    /** Each ledger row points at an outbox record carrying its movement number, and no outbox row is orphaned. */
    private static boolean ledgerMatches(Statement st) throws SQLException {
        long ledgerRows;
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM edge_ledger")) {
            rs.next();
            ledgerRows = rs.getLong(1);
        }
        long matched = 0;
        try (ResultSet rs = st.executeQuery("SELECT l.movement_no, o.payload FROM edge_ledger l"
                + " JOIN sync_outbox o ON o.seq = l.outbox_seq")) {
            while (rs.next()) {
                if (rs.getString(2).contains("\"movementNo\":" + rs.getLong(1) + ",")) {
                    matched++;
                }
            }
        }
        long outboxRows;
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM sync_outbox")) {
            rs.next();
            outboxRows = rs.getLong(1);
        }
        return ledgerRows == matched && ledgerRows == outboxRows;
    }
}
