package dev.wedge.edge.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.floor.FloorError;
import dev.wedge.edge.floor.FloorException;
import dev.wedge.edge.floor.Jdbc;
import dev.wedge.edge.floor.ScanLog;
import dev.wedge.edge.floor.Transactions;
import dev.wedge.edge.inventory.Catalog;
import dev.wedge.edge.inventory.StockLedger;
import dev.wedge.scanner.ScanEvent;
import dev.wedge.scanner.gs1.Gs1Parser;
import dev.wedge.scanner.gs1.Gs1SyntaxException;
import dev.wedge.scanner.gs1.Sscc;
import dev.wedge.sync.edge.JdbcOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Receiving against an advance shipping notice (each inbound pallet scanned by its SSCC) and putaway of a
 * received pallet to a suggested location. Each accepted scan is one transaction with its ledger movement and
 * outbox record ({@code receipt}, {@code putaway}).
 */
public final class InboundService {

    /** One pallet an advance notice announces. */
    public record NoticeUnit(String sscc, String sku, String lot, LocalDate expiry, int quantity) {
    }

    /** A notice and how far receiving has got. */
    public record Notice(String asnId, String supplier, LocalDate expectedOn, List<NoticeUnit> units,
                         List<String> received) {
    }

    /** Where a received pallet should go. */
    public record Suggestion(String sscc, String sku, String lot, int quantity, String location, String reason) {
    }

    private final Transactions tx;
    private final JdbcOutbox outbox;
    private final ScanLog scans;
    private final Clock clock;
    private final String receivingLocation;
    private final Catalog catalog = new Catalog();
    private final StockLedger ledger = new StockLedger();
    private final ObjectMapper json = new ObjectMapper();

    public InboundService(Transactions tx, JdbcOutbox outbox, ScanLog scans, Clock clock, String receivingLocation) {
        this.tx = tx;
        this.outbox = outbox;
        this.scans = scans;
        this.clock = clock;
        this.receivingLocation = receivingLocation;
    }

    /** Stores an advance notice (from HQ or the supplier's EDI feed). */
    public void addNotice(String asnId, String supplier, LocalDate expectedOn, List<NoticeUnit> units)
            throws SQLException, FloorException {
        if (asnId == null || asnId.isBlank() || units.isEmpty()) {
            throw FloorException.invalid("an advance notice needs an id and at least one pallet");
        }
        tx.inTransaction(c -> {
            Jdbc.update(c, "INSERT INTO asn (asn_id, supplier, expected_on, created_at) VALUES (?, ?, ?, ?)", asnId,
                    supplier, expectedOn, clock.instant());
            for (NoticeUnit u : units) {
                new Sscc(u.sscc());
                Jdbc.update(c, "INSERT INTO asn_unit (sscc, asn_id, sku, lot_number, expiry, quantity)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", u.sscc(), asnId, u.sku(), u.lot(), u.expiry(), u.quantity());
            }
            return null;
        });
    }

    public Notice notice(String asnId) throws SQLException, FloorException {
        return tx.read(c -> {
            List<NoticeUnit> units = Jdbc.list(c, "SELECT sscc, sku, lot_number, expiry, quantity FROM asn_unit"
                    + " WHERE asn_id = ? ORDER BY sscc", rs -> new NoticeUnit(rs.getString(1), rs.getString(2),
                    rs.getString(3), Jdbc.date(rs, "expiry"), rs.getInt(5)), asnId);
            List<String> received = Jdbc.list(c, "SELECT sscc FROM asn_unit WHERE asn_id = ? AND received_at IS NOT"
                    + " NULL ORDER BY sscc", rs -> rs.getString(1), asnId);
            return Jdbc.one(c, "SELECT asn_id, supplier, expected_on FROM asn WHERE asn_id = ?",
                    rs -> new Notice(rs.getString(1), rs.getString(2), Jdbc.date(rs, "expected_on"), units, received),
                    asnId).orElseThrow(() -> FloorException.notFound("advance notice " + asnId));
        });
    }

    public List<String> openNotices() throws SQLException, FloorException {
        return tx.read(c -> Jdbc.list(c, "SELECT DISTINCT asn_id FROM asn_unit WHERE received_at IS NULL"
                + " ORDER BY asn_id", rs -> rs.getString(1)));
    }

    /** Receives the pallet whose SSCC was scanned against the notice. */
    public Notice receive(String asnId, ScanEvent scan) throws SQLException, FloorException {
        try {
            tx.inTransaction(c -> {
                long scanId = scans.accepted(c, scan);
                String sscc = sscc(scan);
                NoticeUnit u = Jdbc.one(c, "SELECT sscc, sku, lot_number, expiry, quantity FROM asn_unit WHERE"
                        + " asn_id = ? AND sscc = ?", rs -> new NoticeUnit(rs.getString(1), rs.getString(2),
                        rs.getString(3), Jdbc.date(rs, "expiry"), rs.getInt(5)), asnId, sscc).orElseThrow(() ->
                        new FloorException(FloorError.NOT_ON_NOTICE, "Pallet " + sscc + " is not on notice " + asnId
                                + ": set it aside and call the supervisor."));
                if (Jdbc.update(c, "UPDATE asn_unit SET received_at = ? WHERE sscc = ? AND received_at IS NULL",
                        clock.instant(), sscc) == 0) {
                    throw new FloorException(FloorError.ALREADY_RECEIVED, "Pallet " + sscc + " was already received.");
                }
                book(c, u, scanId);
                return null;
            });
        } catch (FloorException e) {
            scans.refused(scan, e.error(), e.getMessage());
            throw e;
        }
        return notice(asnId);
    }

    private void book(Connection c, NoticeUnit u, long scanId) throws SQLException, FloorException {
        Instant now = clock.instant();
        if (!u.lot().isEmpty()) {
            catalog.addLot(c, u.sku(), u.lot(), u.expiry());
        }
        ObjectNode r = json.createObjectNode().put("sscc", u.sscc()).put("sku", u.sku()).put("lot", u.lot())
                .put("quantity", u.quantity()).put("toLocation", receivingLocation).put("occurredAt", now.toString());
        long seq = outbox.append(c, "receipt", r.toString()).seq();
        ledger.move(c, new StockLedger.Movement("RECEIPT", u.sku(), u.lot(), u.quantity(), null, receivingLocation,
                u.sscc(), scanId), false, seq, now);
        Jdbc.update(c, "INSERT INTO handling_unit (sscc, sku, lot_number, quantity, location, sscc_source, scan_id,"
                + " booked_at) VALUES (?, ?, ?, ?, ?, 'SCANNED', ?, ?)", u.sscc(), u.sku(), u.lot(), u.quantity(),
                receivingLocation, scanId, now);
    }

    /** Where to put a received pallet: a pick location of the same product with room, else an empty one. */
    public Suggestion suggest(String sscc) throws SQLException, FloorException {
        return tx.read(c -> suggest(c, sscc));
    }

    private Suggestion suggest(Connection c, String sscc) throws SQLException, FloorException {
        String[] hu = Jdbc.one(c, "SELECT sku, lot_number, quantity, location FROM handling_unit WHERE sscc = ?",
                rs -> new String[]{rs.getString(1), rs.getString(2), Integer.toString(rs.getInt(3)), rs.getString(4)},
                sscc).orElseThrow(() -> FloorException.notFound("pallet " + sscc));
        if (!receivingLocation.equals(hu[3])) {
            throw new FloorException(FloorError.CONFLICT, "Pallet " + sscc + " is already put away at " + hu[3] + ".");
        }
        int qty = Integer.parseInt(hu[2]);
        String fits = " AND l.locked = FALSE AND l.kind = 'PICK' AND (l.capacity = 0 OR l.capacity >= ? +"
                + " COALESCE((SELECT SUM(s2.quantity) FROM stock_on_hand s2 WHERE s2.location = l.code), 0))";
        Optional<String> same = Jdbc.one(c, "SELECT l.code FROM location l WHERE EXISTS (SELECT 1 FROM stock_on_hand s"
                + " WHERE s.location = l.code AND s.sku = ? AND s.quantity > 0)" + fits
                + " ORDER BY l.pick_sequence, l.code FETCH FIRST 1 ROWS ONLY", rs -> rs.getString(1), hu[0], qty);
        if (same.isPresent()) {
            return new Suggestion(sscc, hu[0], hu[1], qty, same.get(), "holds " + hu[0] + " and has room");
        }
        Optional<String> empty = Jdbc.one(c, "SELECT l.code FROM location l WHERE NOT EXISTS (SELECT 1 FROM"
                + " stock_on_hand s WHERE s.location = l.code AND s.quantity > 0)" + fits
                + " ORDER BY l.pick_sequence, l.code FETCH FIRST 1 ROWS ONLY", rs -> rs.getString(1), qty);
        return new Suggestion(sscc, hu[0], hu[1], qty, empty.orElseThrow(() -> new FloorException(
                FloorError.OVER_CAPACITY, "No unlocked pick location has room for " + qty + " x " + hu[0] + ".")),
                "empty location with room");
    }

    /** Puts the pallet away at the scanned location (the suggested one or any other unlocked one with room). */
    public Suggestion putAway(String sscc, ScanEvent locationScan) throws SQLException, FloorException {
        try {
            return tx.inTransaction(c -> {
                long scanId = scans.accepted(c, locationScan);
                Suggestion s = suggest(c, sscc);
                String code = locationScan.data().trim();
                Catalog.Location loc = catalog.location(c, code).orElseThrow(() -> new FloorException(
                        FloorError.WRONG_LOCATION, code + " is not a location. Put the pallet at " + s.location() + "."));
                if (loc.locked()) {
                    throw new FloorException(FloorError.LOCATION_LOCKED, "Location " + code + " is locked. Put the"
                            + " pallet at " + s.location() + ".");
                }
                int there = (int) Jdbc.count(c, "SELECT COALESCE(SUM(quantity), 0) FROM stock_on_hand WHERE location = ?",
                        code);
                if (loc.capacity() > 0 && there + s.quantity() > loc.capacity()) {
                    throw new FloorException(FloorError.OVER_CAPACITY, "Location " + code + " has room for "
                            + (loc.capacity() - there) + ", the pallet holds " + s.quantity() + ". Put it at "
                            + s.location() + ".");
                }
                Instant now = clock.instant();
                ObjectNode r = json.createObjectNode().put("sscc", sscc).put("sku", s.sku()).put("lot", s.lot())
                        .put("quantity", s.quantity()).put("fromLocation", receivingLocation).put("toLocation", code)
                        .put("suggested", s.location()).put("occurredAt", now.toString());
                long seq = outbox.append(c, "putaway", r.toString()).seq();
                ledger.move(c, new StockLedger.Movement("PUTAWAY", s.sku(), s.lot(), s.quantity(), receivingLocation,
                        code, sscc, scanId), false, seq, now);
                Jdbc.update(c, "UPDATE handling_unit SET location = ? WHERE sscc = ?", code, sscc);
                Jdbc.update(c, "UPDATE asn_unit SET put_away_at = ? WHERE sscc = ?", now, sscc);
                return new Suggestion(sscc, s.sku(), s.lot(), s.quantity(), code, "put away");
            });
        } catch (FloorException e) {
            scans.refused(locationScan, e.error(), e.getMessage());
            throw e;
        }
    }

    static String sscc(ScanEvent scan) throws FloorException {
        String data = scan.data().trim();
        if (data.matches("\\d{18}")) {
            return new Sscc(data).value();
        }
        try {
            return Gs1Parser.tolerant().read(scan.symbology() + data).first("00").orElseThrow(() ->
                    new FloorException(FloorError.UNKNOWN_BARCODE, "Scan the pallet's SSCC label (AI 00)."));
        } catch (Gs1SyntaxException | IllegalArgumentException e) {
            throw new FloorException(FloorError.UNKNOWN_BARCODE, "Scan the pallet's SSCC label: " + e.getMessage());
        }
    }
}
