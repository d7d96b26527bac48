package dev.wedge.edge.floor;

import dev.wedge.scanner.ScanEvent;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Stores every handheld scan in the {@code scan} table the status page reads: an accepted scan inside the
 * business event's transaction, a refused one on its own afterwards with the refusal's code and message, so
 * no scan is lost and a refused one changes nothing else.
 */
public final class ScanLog {

    private final DataSource db;

    public ScanLog(DataSource db) {
        this.db = db;
    }

    /** Stores an accepted scan in {@code tx} and returns its id. */
    public long accepted(Connection tx, ScanEvent scan) throws SQLException {
        return insert(tx, scan, null, null);
    }

    /** Stores a refused scan in its own transaction and returns its id. */
    public long refused(ScanEvent scan, FloorError error, String reason) throws SQLException {
        try (Connection c = db.getConnection()) {
            return insert(c, scan, error.name(), reason);
        }
    }

    private static long insert(Connection c, ScanEvent scan, String code, String reason) throws SQLException {
        String data = scan.data().length() > 1000 ? scan.data().substring(0, 1000) : scan.data();
        String why = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
        return Jdbc.insert(c, "INSERT INTO scan (scanner_id, symbology, data, received_at, outcome, reason_code,"
                        + " reason) VALUES (?, ?, ?, ?, ?, ?, ?)", scan.scannerId(), scan.symbology(), data,
                scan.receivedAt(), code == null ? "ACCEPTED" : "REJECTED", code, why);
    }
}
