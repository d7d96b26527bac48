package dev.wedge.edge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Reads the figures the status page and {@code /api/status} show, straight from the edge database. */
public final class StatusQueries {

    private final DataSource db;

    public StatusQueries(DataSource db) {
        this.db = db;
    }

    /** Scans, labels and movements as a JSON object: counts plus the most recent scans with their outcome. */
    public ObjectNode floor(ObjectMapper json, int recent) throws SQLException {
        ObjectNode out = json.createObjectNode();
        try (Connection c = db.getConnection()) {
            ObjectNode scans = out.putObject("scans");
            scans.put("accepted", count(c, "SELECT COUNT(*) FROM scan WHERE outcome = 'ACCEPTED'"));
            scans.put("rejected", count(c, "SELECT COUNT(*) FROM scan WHERE outcome = 'REJECTED'"));
            ObjectNode labels = out.putObject("labels");
            labels.put("printed", count(c, "SELECT COUNT(*) FROM label_status WHERE status = 'PRINTED'"));
            labels.put("queued", count(c, "SELECT COUNT(*) FROM label_status WHERE status = 'QUEUED'"));
            labels.put("held", count(c, "SELECT COUNT(*) FROM label_status WHERE status = 'HELD'"));
            labels.put("failed", count(c, "SELECT COUNT(*) FROM label_status WHERE status = 'FAILED'"));
            out.put("movements", count(c, "SELECT COUNT(*) FROM stock_movement"));
            out.set("recentScans", recentScans(c, json, recent));
        }
        return out;
    }

    private static ArrayNode recentScans(Connection c, ObjectMapper json, int recent) throws SQLException {
        ArrayNode list = json.createArrayNode();
        try (PreparedStatement ps = c.prepareStatement("SELECT scan_id, scanner_id, symbology, data, received_at,"
                + " outcome, reason_code, reason FROM scan ORDER BY scan_id DESC FETCH FIRST ? ROWS ONLY")) {
            ps.setInt(1, recent);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ObjectNode s = list.addObject();
                    s.put("scanId", rs.getLong(1));
                    s.put("scannerId", rs.getString(2));
                    s.put("symbology", rs.getString(3));
                    s.put("data", rs.getString(4));
                    s.put("receivedAt", rs.getTimestamp(5).toInstant().toString());
                    s.put("outcome", rs.getString(6));
                    s.put("reasonCode", rs.getString(7));
                    s.put("reason", rs.getString(8));
                }
            }
        }
        return list;
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
