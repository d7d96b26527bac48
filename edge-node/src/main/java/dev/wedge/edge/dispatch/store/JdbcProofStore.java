package dev.wedge.edge.dispatch.store;

import static dev.wedge.edge.dispatch.store.JdbcRouteStore.ts;
import static dev.wedge.edge.dispatch.store.JdbcRouteStore.update;

import dev.wedge.edge.dispatch.model.ProofKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for proofs of delivery (signature and photo images) and the package scans of a stop. Never commits. */
public final class JdbcProofStore {

    /** A stored proof image. */
    public record Proof(String stopId, ProofKind kind, String contentType, byte[] data, String sha256,
                        Instant capturedAt) {
    }

    /** A stored proof without its bytes. */
    public record ProofSummary(ProofKind kind, String contentType, int bytes, String sha256, Instant capturedAt) {
    }

    public void insert(Connection c, Proof p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dispatch_proof (stop_id, kind, content_type, data,"
                + " sha256, captured_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, p.stopId());
            ps.setString(2, p.kind().name());
            ps.setString(3, p.contentType());
            ps.setBytes(4, p.data());
            ps.setString(5, p.sha256());
            ps.setTimestamp(6, ts(p.capturedAt()));
            ps.executeUpdate();
        }
    }

    public Optional<Proof> proof(Connection c, String stopId, ProofKind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT content_type, data, sha256, captured_at"
                + " FROM dispatch_proof WHERE stop_id = ? AND kind = ?")) {
            ps.setString(1, stopId);
            ps.setString(2, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Proof(stopId, kind, rs.getString(1), rs.getBytes(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()));
            }
        }
    }

    public List<ProofSummary> summaries(Connection c, String stopId) throws SQLException {
        List<ProofSummary> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, content_type, LENGTH(data), sha256, captured_at"
                + " FROM dispatch_proof WHERE stop_id = ? ORDER BY kind")) {
            ps.setString(1, stopId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ProofSummary(ProofKind.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3),
                            rs.getString(4), rs.getTimestamp(5).toInstant()));
                }
            }
        }
        return out;
    }

    public void markScanned(Connection c, String stopId, String sscc, Instant at) throws SQLException {
        update(c, "UPDATE dispatch_stop_package SET scanned_at = ? WHERE stop_id = ? AND sscc = ?", ts(at), stopId,
                sscc);
    }

    public List<String> scanned(Connection c, String stopId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sscc FROM dispatch_stop_package"
                + " WHERE stop_id = ? AND scanned_at IS NOT NULL ORDER BY sscc")) {
            ps.setString(1, stopId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
