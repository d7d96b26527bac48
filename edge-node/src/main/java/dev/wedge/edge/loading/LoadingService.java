package dev.wedge.edge.loading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.floor.FloorError;
import dev.wedge.edge.floor.FloorException;
import dev.wedge.edge.floor.Jdbc;
import dev.wedge.edge.floor.ScanLog;
import dev.wedge.edge.floor.Transactions;
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
import java.util.List;
import java.util.Optional;

/**
 * Loading trucks at the dock door. A truck's load sequence lists its closed pack units, last delivery stop
 * first (it goes in deepest), and each pallet scanned at the door must be the next one: a pallet of another
 * truck or out of sequence is refused with the pallet expected. Loading a pallet ships its contents out of the
 * packing area and writes a {@code load} outbox record, in one transaction.
 */
public final class LoadingService {

    /** A truck and its load sequence. */
    public record Truck(String truckId, String route, String dockDoor, Instant plannedDeparture, List<Slot> slots) {
        /** The first slot not yet loaded. */
        public Optional<Slot> next() {
            return slots.stream().filter(s -> s.loadedAt() == null).findFirst();
        }
    }

    /** One position in a load sequence. */
    public record Slot(int sequence, String sscc, String orderId, int stopSequence, Instant loadedAt) {
    }

    private final Transactions tx;
    private final JdbcOutbox outbox;
    private final ScanLog scans;
    private final Clock clock;
    private final String packingLocation;
    private final StockLedger ledger = new StockLedger();
    private final ObjectMapper json = new ObjectMapper();

    public LoadingService(Transactions tx, JdbcOutbox outbox, ScanLog scans, Clock clock, String packingLocation) {
        this.tx = tx;
        this.outbox = outbox;
        this.scans = scans;
        this.clock = clock;
        this.packingLocation = packingLocation;
    }

    /** Registers a truck for a route's departure at a dock door (from the route plan). */
    public Truck addTruck(String truckId, String route, String dockDoor, Instant departure)
            throws SQLException, FloorException {
        if (truckId == null || !truckId.matches("[A-Za-z0-9_-]{1,30}")) {
            throw FloorException.invalid("truck id '" + truckId + "' must be 1 to 30 letters, digits, '-' or '_'");
        }
        tx.inTransaction(c -> {
            if (Jdbc.count(c, "SELECT COUNT(*) FROM truck WHERE truck_id = ?", truckId) > 0) {
                throw new FloorException(FloorError.CONFLICT, "truck " + truckId + " is already registered");
            }
            return Jdbc.update(c, "INSERT INTO truck (truck_id, route, dock_door, planned_departure) VALUES (?, ?, ?, ?)",
                    truckId, route, dockDoor, departure);
        });
        return truck(truckId);
    }

    /**
     * Adds every closed pack unit of the truck's route and departure that is not yet in its sequence, last stop
     * first, to the end of the load sequence.
     */
    public Truck planLoad(String truckId) throws SQLException, FloorException {
        tx.inTransaction(c -> {
            Truck t = truck(c, truckId);
            List<String[]> units = Jdbc.list(c, "SELECT u.sscc FROM pack_unit u JOIN customer_order o"
                    + " ON o.order_id = u.order_id WHERE u.status = 'CLOSED' AND o.route = ? AND o.planned_departure = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM truck_load l WHERE l.sscc = u.sscc)"
                    + " ORDER BY o.stop_sequence DESC, u.unit_id", rs -> new String[]{rs.getString(1)}, t.route(),
                    t.plannedDeparture());
            int seq = t.slots().stream().mapToInt(Slot::sequence).max().orElse(0);
            for (String[] u : units) {
                Jdbc.update(c, "INSERT INTO truck_load (truck_id, load_seq, sscc) VALUES (?, ?, ?)", truckId, ++seq, u[0]);
            }
            return seq;
        });
        return truck(truckId);
    }

    public Truck truck(String truckId) throws SQLException, FloorException {
        return tx.read(c -> truck(c, truckId));
    }

    public List<Truck> trucks() throws SQLException, FloorException {
        return tx.read(c -> {
            List<String> ids = Jdbc.list(c, "SELECT truck_id FROM truck ORDER BY planned_departure, truck_id",
                    rs -> rs.getString(1));
            List<Truck> out = new java.util.ArrayList<>();
            for (String id : ids) {
                out.add(truck(c, id));
            }
            return out;
        });
    }

    /** Loads the scanned pallet (its SSCC label, AI 00, or the bare 18 digits) onto the truck. */
    public Truck scan(String truckId, String worker, ScanEvent scan) throws SQLException, FloorException {
        try {
            return tx.inTransaction(c -> {
                if (Jdbc.update(c, "UPDATE truck SET route = route WHERE truck_id = ?", truckId) == 0) {
                    throw FloorException.notFound("truck " + truckId);
                }
                long scanId = scans.accepted(c, scan);
                String sscc = sscc(scan);
                Truck t = truck(c, truckId);
                Optional<Slot> mine = t.slots().stream().filter(s -> s.sscc().equals(sscc)).findFirst();
                if (mine.isEmpty()) {
                    throw wrongTruck(c, sscc, truckId, t.next());
                }
                if (mine.get().loadedAt() != null) {
                    throw new FloorException(FloorError.ALREADY_LOADED, "Pallet " + sscc + " is already loaded"
                            + " (position " + mine.get().sequence() + ").");
                }
                Slot expected = t.next().orElseThrow();
                if (mine.get().sequence() != expected.sequence()) {
                    throw new FloorException(FloorError.OUT_OF_SEQUENCE, "Out of sequence: pallet " + sscc + " is"
                            + " number " + mine.get().sequence() + ". Load pallet " + expected.sscc() + " (number "
                            + expected.sequence() + ", stop " + expected.stopSequence() + ") first.");
                }
                load(c, t, expected, worker, scanId);
                return truck(c, truckId);
            });
        } catch (FloorException e) {
            scans.refused(scan, e.error(), e.getMessage());
            throw e;
        }
    }

    private void load(Connection c, Truck t, Slot slot, String worker, long scanId) throws SQLException, FloorException {
        Instant now = clock.instant();
        Jdbc.update(c, "UPDATE truck_load SET loaded_at = ?, loaded_by = ? WHERE truck_id = ? AND load_seq = ?",
                now, worker, t.truckId(), slot.sequence());
        Jdbc.update(c, "UPDATE pack_unit SET status = 'LOADED' WHERE sscc = ?", slot.sscc());
        ObjectNode r = json.createObjectNode();
        r.put("truckId", t.truckId());
        r.put("dockDoor", t.dockDoor());
        r.put("sscc", slot.sscc());
        r.put("orderId", slot.orderId());
        r.put("sequence", slot.sequence());
        r.put("loadedBy", worker);
        r.put("occurredAt", now.toString());
        long seq = outbox.append(c, "load", r.toString()).seq();
        for (String[] content : Jdbc.list(c, "SELECT pc.sku, pc.lot_number, pc.quantity FROM pack_content pc"
                + " JOIN pack_unit u ON u.unit_id = pc.unit_id WHERE u.sscc = ?", rs -> new String[]{rs.getString(1),
                rs.getString(2), Integer.toString(rs.getInt(3))}, slot.sscc())) {
            ledger.move(c, new StockLedger.Movement("SHIP", content[0], content[1], Integer.parseInt(content[2]),
                    packingLocation, null, slot.sscc(), scanId), false, seq, now);
        }
        if (Jdbc.count(c, "SELECT COUNT(*) FROM pack_unit WHERE order_id = ? AND status <> 'LOADED'",
                slot.orderId()) == 0) {
            Jdbc.update(c, "UPDATE customer_order SET status = 'LOADED' WHERE order_id = ? AND status = 'PACKED'",
                    slot.orderId());
        }
    }

    private static FloorException wrongTruck(Connection c, String sscc, String truckId, Optional<Slot> expected)
            throws SQLException {
        Optional<String> other = Jdbc.one(c, "SELECT t.truck_id || ' at door ' || t.dock_door FROM truck_load l"
                + " JOIN truck t ON t.truck_id = l.truck_id WHERE l.sscc = ?", rs -> rs.getString(1), sscc);
        return new FloorException(FloorError.WRONG_TRUCK, "Wrong truck: pallet " + sscc + (other.isPresent()
                ? " belongs on truck " + other.get() : " is not planned for truck " + truckId) + "."
                + expected.map(e -> " Load pallet " + e.sscc() + " (number " + e.sequence() + ") on truck " + truckId
                + ".").orElse(" Nothing else is waiting for truck " + truckId + "."));
    }

    static String sscc(ScanEvent scan) throws FloorException {
        String data = scan.data().trim();
        try {
            if (data.matches("\\d{18}")) {
                return new Sscc(data).value();
            }
            return Gs1Parser.tolerant().read(scan.symbology() + data).first("00").orElseThrow(() ->
                    new FloorException(FloorError.UNKNOWN_BARCODE, "Scan the pallet's SSCC label (AI 00), not "
                            + data + "."));
        } catch (Gs1SyntaxException | IllegalArgumentException e) {
            throw new FloorException(FloorError.UNKNOWN_BARCODE, "Scan the pallet's SSCC label: " + e.getMessage());
        }
    }

    private static Truck truck(Connection c, String truckId) throws SQLException, FloorException {
        List<Slot> slots = Jdbc.list(c, "SELECT l.load_seq, l.sscc, u.order_id, o.stop_sequence, l.loaded_at"
                + " FROM truck_load l JOIN pack_unit u ON u.sscc = l.sscc JOIN customer_order o"
                + " ON o.order_id = u.order_id WHERE l.truck_id = ? ORDER BY l.load_seq", rs -> new Slot(rs.getInt(1),
                rs.getString(2), rs.getString(3), rs.getInt(4), Jdbc.instant(rs, "loaded_at")), truckId);
        return Jdbc.one(c, "SELECT truck_id, route, dock_door, planned_departure FROM truck WHERE truck_id = ?",
                rs -> new Truck(rs.getString(1), rs.getString(2), rs.getString(3), Jdbc.instant(rs, "planned_departure"),
                        slots), truckId).orElseThrow(() -> FloorException.notFound("truck " + truckId));
    }
}
