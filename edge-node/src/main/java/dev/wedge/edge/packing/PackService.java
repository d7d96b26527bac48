package dev.wedge.edge.packing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.floor.FloorError;
import dev.wedge.edge.floor.FloorException;
import dev.wedge.edge.floor.Jdbc;
import dev.wedge.edge.floor.ScanLog;
import dev.wedge.edge.floor.Transactions;
import dev.wedge.edge.inventory.Catalog;
import dev.wedge.edge.inventory.ItemScan;
import dev.wedge.edge.labels.LabelJobs;
import dev.wedge.label.template.LogisticLabelTemplate;
import dev.wedge.label.template.PalletLabel;
import dev.wedge.scanner.ScanEvent;
import dev.wedge.scanner.gs1.Gtin;
import dev.wedge.scanner.gs1.Sscc;
import dev.wedge.sync.edge.JdbcOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Packing picked items into cartons and pallets. The packer opens a unit for an order (by scanning its tote),
 * scans the items into it and closes it: closing assigns an SSCC from the site's {@code sscc_serial} sequence,
 * queues its GS1 logistic label and writes a {@code pack} outbox record with the contents, in one transaction.
 * The queued label is then handed to the printing route through {@code printer}.
 */
public final class PackService {

    /** A pack unit and what is in it. */
    public record PackUnit(long unitId, String orderId, String kind, String status, String sscc, Long labelJob,
                           List<Content> contents, int orderPicked, int orderPacked) {
    }

    /** One product and lot in a unit. */
    public record Content(String sku, String lot, int quantity) {
    }

    /** The site's SSCC numbering and where labels print. */
    public record Settings(int extensionDigit, String companyPrefix, String printerId, String shipFrom) {
    }

    private final Transactions tx;
    private final JdbcOutbox outbox;
    private final ScanLog scans;
    private final LabelJobs labels;
    private final LongConsumer printer;
    private final Settings settings;
    private final Clock clock;
    private final Catalog catalog = new Catalog();
    private final LogisticLabelTemplate template = new LogisticLabelTemplate();
    private final ObjectMapper json = new ObjectMapper();

    /** @param printer receives the id of each queued label job after its transaction committed */
    public PackService(Transactions tx, JdbcOutbox outbox, ScanLog scans, LabelJobs labels, LongConsumer printer,
                       Settings settings, Clock clock) {
        this.tx = tx;
        this.outbox = outbox;
        this.scans = scans;
        this.labels = labels;
        this.printer = printer;
        this.settings = settings;
        this.clock = clock;
    }

    /** Opens a carton or pallet for the order whose tote (or order id) was scanned. */
    public PackUnit open(String toteOrOrder, String kind, String packer) throws SQLException, FloorException {
        if (!"CARTON".equals(kind) && !"PALLET".equals(kind)) {
            throw FloorException.invalid("kind must be CARTON or PALLET, got '" + kind + "'");
        }
        long unitId = tx.inTransaction(c -> {
            String orderId = Jdbc.one(c, "SELECT order_id FROM customer_order WHERE (tote = ? OR order_id = ?)"
                    + " AND status IN ('RELEASED', 'PICKED')", rs -> rs.getString(1), toteOrOrder, toteOrOrder)
                    .orElseThrow(() -> new FloorException(FloorError.NOT_FOUND, "No order to pack for tote or order '"
                            + toteOrOrder + "': scan the tote label of a picked order."));
            return Jdbc.insert(c, "INSERT INTO pack_unit (order_id, kind, status, opened_by, opened_at)"
                    + " VALUES (?, ?, 'OPEN', ?, ?)", orderId, kind, packer, clock.instant());
        });
        return unit(unitId);
    }

    public PackUnit unit(long unitId) throws SQLException, FloorException {
        return tx.read(c -> unit(c, unitId));
    }

    /** Puts one scanned item (a GTIN of any packaging level, or a GS1 string with its lot) into an open unit. */
    public PackUnit scan(long unitId, ScanEvent scan) throws SQLException, FloorException {
        try {
            return tx.inTransaction(c -> {
                PackUnit u = lockOpen(c, unitId);
                long scanId = scans.accepted(c, scan);
                ItemScan item = ItemScan.read(scan.symbology(), scan.data().trim()).orElseThrow(() ->
                        new FloorException(FloorError.UNKNOWN_BARCODE, "That is not a product barcode ("
                                + scan.data().trim() + "). Scan an item of order " + u.orderId() + "."));
                Catalog.GtinLevel level = catalog.byGtin(c, item.gtin().value()).orElseThrow(() ->
                        new FloorException(FloorError.WRONG_PRODUCT, "Unknown product GTIN " + item.gtin() + "."));
                String lot = lotToPack(c, u.orderId(), level, item);
                int rows = Jdbc.update(c, "UPDATE pack_content SET quantity = quantity + ? WHERE unit_id = ?"
                        + " AND sku = ? AND lot_number = ?", level.packQuantity(), unitId, level.sku(), lot);
                if (rows == 0) {
                    Jdbc.insert(c, "INSERT INTO pack_content (unit_id, sku, lot_number, quantity) VALUES (?, ?, ?, ?)",
                            unitId, level.sku(), lot, level.packQuantity());
                }
                Jdbc.update(c, "UPDATE order_line SET packed = packed + ? WHERE order_id = ? AND line_no ="
                        + " (SELECT MIN(line_no) FROM order_line WHERE order_id = ? AND sku = ? AND packed < picked)",
                        level.packQuantity(), u.orderId(), u.orderId(), level.sku());
                return unit(c, unitId);
            });
        } catch (FloorException e) {
            scans.refused(scan, e.error(), e.getMessage());
            throw e;
        }
    }

    /** The lot to pack: the scanned one, or the first lot picked for the order that is not yet all packed. */
    private static String lotToPack(Connection c, String orderId, Catalog.GtinLevel level, ItemScan item)
            throws SQLException, FloorException {
        List<String[]> open = Jdbc.list(c, "SELECT lot_number, SUM(picked) FROM pick_task WHERE order_id = ?"
                + " AND sku = ? GROUP BY lot_number ORDER BY lot_number", rs -> new String[]{rs.getString(1),
                Integer.toString(rs.getInt(2))}, orderId, level.sku());
        for (String[] row : open) {
            long packed = Jdbc.count(c, "SELECT COALESCE(SUM(pc.quantity), 0) FROM pack_content pc JOIN pack_unit pu"
                    + " ON pu.unit_id = pc.unit_id WHERE pu.order_id = ? AND pc.sku = ? AND pc.lot_number = ?",
                    orderId, level.sku(), row[0]);
            row[1] = Long.toString(Long.parseLong(row[1]) - packed);
        }
        for (String[] row : open) {
            boolean lotFits = item.lot().map(l -> l.equals(row[0])).orElse(true);
            if (lotFits && Integer.parseInt(row[1]) >= level.packQuantity()) {
                return row[0];
            }
        }
        throw new FloorException(FloorError.NOT_PICKED_FOR_ORDER, "Not for this order: " + level.packQuantity()
                + " x " + level.sku() + item.lot().map(l -> " lot " + l).orElse("") + " was not picked for order "
                + orderId + " (or is already packed).");
    }

    /** Closes a unit: SSCC, label queued and handed to the printer, {@code pack} record for HQ. */
    public PackUnit close(long unitId) throws SQLException, FloorException {
        long[] job = new long[1];
        PackUnit closed = tx.inTransaction(c -> {
            PackUnit u = lockOpen(c, unitId);
            if (u.contents().isEmpty()) {
                throw new FloorException(FloorError.PACK_UNIT_EMPTY, "The " + u.kind().toLowerCase() + " is empty:"
                        + " scan items into it before closing.");
            }
            Instant now = clock.instant();
            long serial = Jdbc.one(c, "VALUES NEXT VALUE FOR sscc_serial", rs -> rs.getLong(1)).orElseThrow();
            Sscc sscc = Sscc.of(settings.extensionDigit(), settings.companyPrefix(), serial);
            job[0] = labels.queue(c, settings.printerId(), sscc, label(c, u, sscc), now);
            Jdbc.update(c, "UPDATE pack_unit SET status = 'CLOSED', sscc = ?, label_job = ?, closed_at = ?"
                    + " WHERE unit_id = ?", sscc.value(), job[0], now, unitId);
            if (Jdbc.count(c, "SELECT COUNT(*) FROM order_line WHERE order_id = ? AND packed < picked",
                    u.orderId()) == 0 && Jdbc.count(c, "SELECT COUNT(*) FROM pick_task WHERE order_id = ?"
                    + " AND status = 'OPEN'", u.orderId()) == 0) {
                Jdbc.update(c, "UPDATE customer_order SET status = 'PACKED' WHERE order_id = ?", u.orderId());
            }
            outbox.append(c, "pack", packRecord(u, sscc, now));
            return unit(c, unitId);
        });
        printer.accept(job[0]);
        return closed;
    }

    private String label(Connection c, PackUnit u, Sscc sscc) throws SQLException {
        Content main = u.contents().stream().max(java.util.Comparator.comparingInt(Content::quantity)).orElseThrow();
        int total = u.contents().stream().mapToInt(Content::quantity).sum();
        String gtin = catalog.baseGtin(c, main.sku()).orElseThrow();
        String description = u.contents().size() == 1 ? catalog.description(c, main.sku()).orElse(main.sku())
                : "Mixed " + u.kind().toLowerCase() + ", " + u.contents().size() + " products, order " + u.orderId();
        return template.render(new PalletLabel(sscc, new Gtin(gtin), description, total,
                u.contents().size() == 1 && !main.lot().isEmpty() ? main.lot() : null, null,
                settings.shipFrom().isEmpty() ? null : settings.shipFrom()));
    }

    private String packRecord(PackUnit u, Sscc sscc, Instant at) {
        ObjectNode r = json.createObjectNode();
        r.put("sscc", sscc.value());
        r.put("orderId", u.orderId());
        r.put("kind", u.kind());
        ArrayNode contents = r.putArray("contents");
        for (Content content : u.contents()) {
            contents.addObject().put("sku", content.sku()).put("lot", content.lot()).put("quantity", content.quantity());
        }
        r.put("occurredAt", at.toString());
        return r.toString();
    }

    private PackUnit lockOpen(Connection c, long unitId) throws SQLException, FloorException {
        if (Jdbc.update(c, "UPDATE pack_unit SET status = status WHERE unit_id = ?", unitId) == 0) {
            throw FloorException.notFound("pack unit " + unitId);
        }
        PackUnit u = unit(c, unitId);
        if (!"OPEN".equals(u.status())) {
            throw new FloorException(FloorError.PACK_UNIT_CLOSED, "Pack unit " + unitId + " is already closed as SSCC "
                    + u.sscc() + ": open a new one.");
        }
        return u;
    }

    private static PackUnit unit(Connection c, long unitId) throws SQLException, FloorException {
        List<Content> contents = Jdbc.list(c, "SELECT sku, lot_number, quantity FROM pack_content WHERE unit_id = ?"
                + " ORDER BY sku, lot_number", rs -> new Content(rs.getString(1), rs.getString(2), rs.getInt(3)), unitId);
        return Jdbc.one(c, "SELECT u.unit_id, u.order_id, u.kind, u.status, u.sscc, u.label_job,"
                        + " (SELECT SUM(picked) FROM order_line l WHERE l.order_id = u.order_id),"
                        + " (SELECT SUM(packed) FROM order_line l WHERE l.order_id = u.order_id)"
                        + " FROM pack_unit u WHERE u.unit_id = ?",
                rs -> new PackUnit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6) == null ? null : rs.getLong(6), contents, rs.getInt(7), rs.getInt(8)), unitId)
                .orElseThrow(() -> FloorException.notFound("pack unit " + unitId));
    }
}
