package dev.wedge.edge.picking;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.floor.FloorError;
import dev.wedge.edge.floor.FloorException;
import dev.wedge.edge.floor.Jdbc;
import dev.wedge.edge.floor.ScanLog;
import dev.wedge.edge.floor.Transactions;
import dev.wedge.edge.inventory.Catalog;
import dev.wedge.edge.inventory.ItemScan;
import dev.wedge.edge.inventory.StockLedger;
import dev.wedge.scanner.ScanEvent;
import dev.wedge.sync.edge.JdbcOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Picking by scan: the picker confirms the location, then the item (a GTIN of any packaging level or a GS1
 * element string with lot, expiry and serial), then the quantity. A wrong scan is refused with a message that
 * says what was expected, stored as a refused scan and changes nothing else. A confirmed quantity moves stock
 * from the location to the packing area in one transaction with its {@code pick} outbox record.
 *
 * <p>Thread-safe. Scans of one task are serialised by the task's row lock; two pickers confirming the last
 * unit of one task or one stock row get exactly one success, because neither the task nor the on-hand
 * quantity may go past its limit.
 */
public final class PickService {

    /** The answer to an accepted scan: what happened and the task as it is now. */
    public record ScanAccepted(long scanId, String message, PickTask task, Optional<PickTask> next) {
    }

    private final Transactions tx;
    private final JdbcOutbox outbox;
    private final ScanLog scans;
    private final Clock clock;
    private final String packingLocation;
    private final Catalog catalog = new Catalog();
    private final StockLedger ledger = new StockLedger();
    private final PickTasks tasks = new PickTasks();
    private final ObjectMapper json = new ObjectMapper();

    /** @param packingLocation where picked stock is booked to until it is packed and loaded */
    public PickService(Transactions tx, JdbcOutbox outbox, ScanLog scans, Clock clock, String packingLocation) {
        this.tx = tx;
        this.outbox = outbox;
        this.scans = scans;
        this.clock = clock;
        this.packingLocation = packingLocation;
    }

    public Optional<PickTask> nextTask(long waveId) throws SQLException, FloorException {
        return tx.readWithoutLocks(c -> {
            if (Jdbc.count(c, "SELECT COUNT(*) FROM wave WHERE wave_id = ?", waveId) == 0) {
                throw FloorException.notFound("wave " + waveId);
            }
            return tasks.next(c, waveId);
        });
    }

    public PickTask task(long taskId) throws SQLException, FloorException {
        return tx.readWithoutLocks(c -> tasks.find(c, taskId).orElseThrow(() -> FloorException.notFound("pick task "
                + taskId)));
    }

    public List<PickTask> waveTasks(long waveId) throws SQLException, FloorException {
        return tx.readWithoutLocks(c -> tasks.ofWave(c, waveId));
    }

    /**
     * Handles one scan for a task: a location, an item or (at the quantity step) a typed quantity.
     *
     * @throws FloorException the refusal, after the scan was stored as refused
     */
    public ScanAccepted scan(long taskId, String picker, ScanEvent scan) throws SQLException, FloorException {
        try {
            // Many handhelds scan at once and each accepted scan must be durable before its answer: their
            // transactions are committed in groups (one outbox counter lock hold and one log flush per group).
            return view(tx.inGroupCommit(c -> {
                PickTask t = tasks.lock(c, taskId);
                if (!"OPEN".equals(t.status())) {
                    throw PickTasks.closed(t);
                }
                long scanId = scans.accepted(c, scan);
                return handle(c, t, picker, scan, scanId);
            }));
        } catch (FloorException e) {
            scans.refused(scan, e.error(), e.getMessage());
            throw e;
        }
    }

    private Step handle(Connection c, PickTask t, String picker, ScanEvent scan, long scanId)
            throws SQLException, FloorException {
        String data = scan.data().trim();
        if (data.equalsIgnoreCase(t.location())) {
            if ("LOCATION".equals(t.step())) {
                tasks.setStep(c, t.taskId(), "ITEM", 0);
            }
            return accepted(c, scanId, t.taskId(), "Location " + t.location() + " confirmed. Scan " + t.sku());
        }
        if ("LOCATION".equals(t.step()) || catalog.location(c, data).isPresent()) {
            throw new FloorException(FloorError.WRONG_LOCATION, "Wrong location: you scanned " + data
                    + ". Go to " + t.location() + " and scan its label.");
        }
        if ("QUANTITY".equals(t.step()) && data.matches("\\d{1,5}")) {
            return confirm(c, t, picker, Integer.parseInt(data), scanId);
        }
        return item(c, t, scan, scanId);
    }

    private Step item(Connection c, PickTask t, ScanEvent scan, long scanId)
            throws SQLException, FloorException {
        ItemScan item = ItemScan.read(scan.symbology(), scan.data().trim()).orElseThrow(() -> new FloorException(
                FloorError.UNKNOWN_BARCODE, "That is not a product barcode (" + scan.data().trim() + "). Scan "
                + t.sku() + " (" + t.description() + ")."));
        Catalog.GtinLevel level = catalog.byGtin(c, item.gtin().value()).orElseThrow(() -> new FloorException(
                FloorError.WRONG_PRODUCT, "Unknown product GTIN " + item.gtin() + ". Pick " + t.sku() + " ("
                + t.description() + ")."));
        if (!level.sku().equals(t.sku())) {
            throw new FloorException(FloorError.WRONG_PRODUCT, "Wrong product: you scanned " + level.sku() + " ("
                    + level.description() + "). Pick " + t.sku() + " (" + t.description() + ").");
        }
        checkLot(c, t, item);
        int adds = level.packQuantity();
        if (level.serialised()) {
            adds = serial(c, t, item);
        }
        int counted = t.counted() + adds;
        if (counted > t.remaining()) {
            throw new FloorException(FloorError.QUANTITY_ABOVE_REMAINING, "Too many: this " + level.packaging()
                    .toLowerCase() + " counts " + adds + " but only " + (t.remaining() - t.counted())
                    + " more are needed (" + t.remaining() + " left to pick).");
        }
        tasks.setStep(c, t.taskId(), "QUANTITY", counted);
        return accepted(c, scanId, t.taskId(), level.packaging().charAt(0) + level.packaging().substring(1)
                .toLowerCase() + " of " + adds + " counted: " + counted + " of " + t.remaining()
                + ". Enter the quantity to confirm.");
    }

    private void checkLot(Connection c, PickTask t, ItemScan item) throws SQLException, FloorException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String expected = t.lot().isEmpty() ? "" : "lot " + t.lot() + (t.expiry() == null ? ""
                : " (expires " + t.expiry() + ")");
        if (item.lot().isPresent() && !item.lot().get().equals(t.lot())) {
            String lot = item.lot().get();
            Optional<LocalDate> expiry = item.expiry().or(() -> unchecked(() -> catalog.expiry(c, t.sku(), lot)));
            if (expiry.isPresent() && expiry.get().isBefore(today)) {
                throw new FloorException(FloorError.EXPIRED_LOT, "Expired lot: " + lot + " expired on "
                        + expiry.get() + ". Do not pick it; pick " + expected + ".");
            }
            throw new FloorException(FloorError.WRONG_LOT, "Wrong lot: you scanned lot " + lot + ". Pick "
                    + expected + ".");
        }
        if (item.expiry().isPresent() && item.expiry().get().isBefore(today)) {
            throw new FloorException(FloorError.EXPIRED_LOT, "Expired: this item expired on " + item.expiry().get()
                    + ". Do not pick it; pick " + expected + ".");
        }
    }

    private int serial(Connection c, PickTask t, ItemScan item) throws SQLException, FloorException {
        String serial = item.serial().orElseThrow(() -> new FloorException(FloorError.SERIAL_REQUIRED,
                t.sku() + " is serialised: scan the label that carries its serial number (AI 21)."));
        long inStock = Jdbc.count(c, "SELECT COUNT(*) FROM serial_number WHERE sku = ? AND serial = ?"
                + " AND lot_number = ? AND location = ? AND status = 'IN_STOCK'", t.sku(), serial, t.lot(), t.location());
        if (inStock == 0 || Jdbc.count(c, "SELECT COUNT(*) FROM pick_serial WHERE sku = ? AND serial = ?",
                t.sku(), serial) > 0) {
            throw new FloorException(FloorError.SERIAL_NOT_AVAILABLE, "Serial " + serial + " of " + t.sku()
                    + " is not in stock at " + t.location() + " or was already scanned. Scan another unit.");
        }
        Jdbc.update(c, "INSERT INTO pick_serial (task_id, sku, serial) VALUES (?, ?, ?)", t.taskId(), t.sku(), serial);
        return 1;
    }

    private Step confirm(Connection c, PickTask t, String picker, int quantity, long scanId)
            throws SQLException, FloorException {
        if (quantity < 1) {
            throw FloorException.invalid("Enter a quantity of 1 or more (" + t.remaining() + " left to pick).");
        }
        if (quantity > t.remaining()) {
            throw new FloorException(FloorError.QUANTITY_ABOVE_REMAINING, "Only " + t.remaining()
                    + " left to pick here, you entered " + quantity + ".");
        }
        Instant now = clock.instant();
        if (!tasks.addPicked(c, t, quantity, picker, now)) {
            throw new FloorException(FloorError.QUANTITY_ABOVE_REMAINING, "Only " + t.remaining()
                    + " left to pick here, you entered " + quantity + ".");
        }
        Jdbc.update(c, "UPDATE order_line SET picked = picked + ? WHERE order_id = ? AND line_no = ?", quantity,
                t.orderId(), t.lineNo());
        if (Jdbc.count(c, "SELECT COUNT(*) FROM pick_serial WHERE sku = ? AND task_id = ? AND confirmed = FALSE",
                t.sku(), t.taskId()) > 0) {
            Jdbc.update(c, "UPDATE serial_number SET status = 'PICKED', location = ? WHERE sku = ?"
                    + " AND status = 'IN_STOCK' AND EXISTS (SELECT 1 FROM pick_serial ps WHERE ps.task_id = ?"
                    + " AND ps.confirmed = FALSE AND ps.sku = serial_number.sku AND ps.serial = serial_number.serial)",
                    packingLocation, t.sku(), t.taskId());
            Jdbc.update(c, "UPDATE pick_serial SET confirmed = TRUE WHERE sku = ? AND task_id = ?", t.sku(), t.taskId());
        }
        ObjectNode r = json.createObjectNode();
        r.put("taskId", t.taskId());
        r.put("waveId", t.waveId());
        r.put("orderId", t.orderId());
        r.put("sku", t.sku());
        r.put("lot", t.lot());
        r.put("fromLocation", t.location());
        r.put("tote", t.tote());
        r.put("quantity", quantity);
        r.put("picker", picker);
        r.put("occurredAt", now.toString());
        long seq = outbox.append(c, "pick", r.toString()).seq();
        ledger.move(c, new StockLedger.Movement("PICK", t.sku(), t.lot(), quantity, t.location(), packingLocation,
                null, scanId), true, seq, now);
        return accepted(c, scanId, t.taskId(), "Picked " + quantity + " x " + t.sku() + " into tote " + t.tote()
                + ".");
    }

    /**
     * Closes a task short: what was not picked is released, a follow-up is created (replenishment when the
     * product is available elsewhere, else a backorder) and a {@code short-pick} record goes to HQ.
     */
    public ScanAccepted shortPick(long taskId, String picker, ShortReason reason) throws SQLException, FloorException {
        return view(tx.inTransaction(c -> {
            PickTask t = tasks.lock(c, taskId);
            if (!"OPEN".equals(t.status())) {
                throw PickTasks.closed(t);
            }
            Instant now = clock.instant();
            int missing = t.remaining();
            tasks.closeShort(c, t, picker, now);
            ledger.release(c, t.sku(), t.lot(), t.location(), missing);
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            boolean elsewhere = ledger.allocatable(c, t.sku(), today).stream()
                    .anyMatch(r -> !r.location().equals(t.location()) && r.available() > 0);
            String kind = elsewhere ? "REPLENISHMENT" : "BACKORDER";
            long followUp = Jdbc.insert(c, "INSERT INTO follow_up (kind, task_id, order_id, sku, location, quantity,"
                            + " reason, reported_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", kind, taskId,
                    t.orderId(), t.sku(), t.location(), missing, reason.name(), picker, now);
            ObjectNode r = json.createObjectNode();
            r.put("taskId", taskId);
            r.put("orderId", t.orderId());
            r.put("sku", t.sku());
            r.put("lot", t.lot());
            r.put("location", t.location());
            r.put("missing", missing);
            r.put("reason", reason.name());
            r.put("followUp", kind);
            r.put("followUpId", followUp);
            r.put("picker", picker);
            r.put("occurredAt", now.toString());
            outbox.append(c, "short-pick", r.toString());
            return accepted(c, 0, taskId, "Short pick of " + missing + " x " + t.sku() + " recorded ("
                    + kind.toLowerCase() + " created).");
        }));
    }

    /** What a committed scan did; turned into a {@link ScanAccepted} after the commit. */
    private record Step(long scanId, long taskId, String message) {
    }

    private static Step accepted(Connection c, long scanId, long taskId, String message) {
        return new Step(scanId, taskId, message);
    }

    /** The task and the wave's next task as they are after the commit, read without locks (display only). */
    private ScanAccepted view(Step step) throws SQLException, FloorException {
        return tx.readWithoutLocks(c -> {
            PickTasks.NowAndNext now = tasks.findWithNext(c, step.taskId()).orElseThrow();
            return new ScanAccepted(step.scanId(), step.message(), now.task(), now.next());
        });
    }

    /** Runs a lookup whose SQLException is rethrown unchecked inside an Optional chain. */
    private static <T> Optional<T> unchecked(SqlLookup<T> lookup) {
        try {
            return lookup.get();
        } catch (SQLException e) {
            throw new IllegalStateException("lot lookup failed", e);
        }
    }

    @FunctionalInterface
    private interface SqlLookup<T> {
        Optional<T> get() throws SQLException;
    }
}
