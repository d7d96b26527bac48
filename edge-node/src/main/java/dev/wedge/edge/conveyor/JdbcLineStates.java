package dev.wedge.edge.conveyor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link LineStates} in table {@code conveyor_line_state}, updated by the conveyor route when a PLC reports one. */
public final class JdbcLineStates implements LineStates {

    private final DataSource db;

    public JdbcLineStates(DataSource db) {
        this.db = db;
    }

    /** Stores the line's new state (only when it changed, so {@code changed_at} says since when). */
    public void record(String plcId, int packmlCode, Instant at) throws SQLException {
        LineState state = LineState.ofCode(packmlCode);
        try (Connection c = db.getConnection()) {
            try (PreparedStatement up = c.prepareStatement("UPDATE conveyor_line_state SET state = ?, packml_code = ?,"
                    + " holds_waves = ?, changed_at = ? WHERE plc_id = ? AND packml_code <> ?")) {
                up.setString(1, state.name());
                up.setInt(2, packmlCode);
                up.setBoolean(3, state.holdsWaves());
                up.setTimestamp(4, Timestamp.from(at));
                up.setString(5, plcId);
                up.setInt(6, packmlCode);
                if (up.executeUpdate() == 1 || current(c, plcId).isPresent()) {
                    return;
                }
            }
            try (PreparedStatement in = c.prepareStatement("INSERT INTO conveyor_line_state (plc_id, state,"
                    + " packml_code, holds_waves, changed_at) VALUES (?, ?, ?, ?, ?)")) {
                in.setString(1, plcId);
                in.setString(2, state.name());
                in.setInt(3, packmlCode);
                in.setBoolean(4, state.holdsWaves());
                in.setTimestamp(5, Timestamp.from(at));
                in.executeUpdate();
            }
        }
    }

    @Override
    public Optional<LineStateRecord> current(String plcId) {
        try (Connection c = db.getConnection()) {
            return current(c, plcId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the line state of " + plcId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<LineStateRecord> all() {
        List<LineStateRecord> list = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT plc_id, packml_code, changed_at FROM conveyor_line_state ORDER BY plc_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(row(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read line states: " + e.getMessage(), e);
        }
        return list;
    }

    private static Optional<LineStateRecord> current(Connection c, String plcId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT plc_id, packml_code, changed_at FROM conveyor_line_state WHERE plc_id = ?")) {
            ps.setString(1, plcId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static LineStateRecord row(ResultSet rs) throws SQLException {
        int code = rs.getInt(2);
        return new LineStateRecord(rs.getString(1), LineState.ofCode(code), code, rs.getTimestamp(3).toInstant());
    }
}
