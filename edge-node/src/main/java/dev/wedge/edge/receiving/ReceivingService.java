package dev.wedge.edge.receiving;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.edge.config.EdgeConfig;
import dev.wedge.edge.labels.LabelJobs;
import dev.wedge.label.template.LogisticLabelTemplate;
import dev.wedge.label.template.PalletLabel;
import dev.wedge.scanner.ScanEvent;
import dev.wedge.scanner.gs1.ElementString;
import dev.wedge.scanner.gs1.Gs1Error;
import dev.wedge.scanner.gs1.Gs1Parser;
import dev.wedge.scanner.gs1.Gs1SyntaxException;
import dev.wedge.scanner.gs1.Sscc;
import dev.wedge.sync.edge.JdbcOutbox;
import dev.wedge.sync.edge.OutboxRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receiving at the dock: turns one scan of an inbound unit's GS1 label into a stock receipt.
 *
 * <p>An accepted scan is one Derby transaction: the scan row, the lot, the ledger movement, the on-hand
 * quantity, the handling unit, the outbox record for HQ and the queued pallet label. A rejected scan rolls
 * all of that back and is then stored on its own with the reason, so nothing is lost and no stock changes.
 * Thread-safe: concurrent receipts of one SSCC are serialised by the handling unit's primary key, concurrent
 * first receipts of one lot by the lot's, and a receipt that loses a lock to a deadlock is retried.
 */
public final class ReceivingService {

    private static final Logger LOG = LoggerFactory.getLogger(ReceivingService.class);
    private static final int MAX_ATTEMPTS = 10;

    private final DataSource db;
    private final JdbcOutbox outbox;
    private final EdgeConfig.Gs1 gs1;
    private final EdgeConfig.Receiving receiving;
    private final LabelJobs labels;
    private final Clock clock;
    private final JdbcReceivingStore store = new JdbcReceivingStore();
    private final LogisticLabelTemplate template = new LogisticLabelTemplate();
    private final ObjectMapper json = new ObjectMapper();

    public ReceivingService(DataSource db, JdbcOutbox outbox, EdgeConfig.Gs1 gs1, EdgeConfig.Receiving receiving,
                            LabelJobs labels, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.gs1 = gs1;
        this.receiving = receiving;
        this.labels = labels;
        this.clock = clock;
    }

    /**
     * Books or rejects one scan. Every scan ends up stored, accepted or rejected with its reason.
     *
     * @throws SQLException only when the database itself failed and even the rejected scan could not be stored
     */
    public ReceiptOutcome receive(ScanEvent scan) throws SQLException {
        try {
            ReceivedUnit unit = interpret(scan);
            return bookWithRetry(scan, unit);
        } catch (ScanRejectedException e) {
            return reject(scan, e.code(), e.getMessage());
        } catch (SQLException | RuntimeException e) {
            LOG.error("scan on {} could not be booked: {}", scan.scannerId(), abbreviate(scan.data()), e);
            return reject(scan, RejectionCode.NOT_BOOKED, "the scan is valid but could not be booked: " + e.getMessage());
        }
    }

    private ReceiptOutcome bookWithRetry(ScanEvent scan, ReceivedUnit unit) throws SQLException, ScanRejectedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return book(scan, unit);
            } catch (SQLException e) {
                // A deadlock victim (40001) or a lock Derby would not wait for (40XL1, also raised when many
                // receipts draw identity values at once): the transaction was rolled back whole; try again.
                boolean lockLost = "40001".equals(e.getSQLState()) || "40XL1".equals(e.getSQLState());
                if (!lockLost || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.debug("receipt on {} lost a lock ({}), attempt {} of {}", scan.scannerId(), e.getSQLState(),
                        attempt, MAX_ATTEMPTS);
                pauseBeforeRetry(attempt);
            }
        }
    }

    private ReceivedUnit interpret(ScanEvent scan) throws ScanRejectedException {
        if (!scan.symbology().isEmpty() && !Gs1Parser.isGs1Symbology(scan.symbology())) {
            throw new ScanRejectedException(RejectionCode.NOT_GS1,
                    "symbology " + scan.symbology() + " does not carry GS1 data");
        }
        try {
            // Labels in the wild often carry a GS after fixed-length AIs; like the GS1 reference engine, accept it.
            ElementString es = Gs1Parser.tolerant().read(scan.data());
            return ReceivedUnit.from(es, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        } catch (Gs1SyntaxException e) {
            RejectionCode code = e.code() == Gs1Error.BAD_CHECK_DIGIT ? RejectionCode.BAD_CHECK_DIGIT
                    : e.code() == Gs1Error.NOT_GS1 || e.code() == Gs1Error.EMPTY ? RejectionCode.NOT_GS1
                    : RejectionCode.GS1_SYNTAX;
            throw new ScanRejectedException(code, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ScanRejectedException(RejectionCode.GS1_SYNTAX, e.getMessage());
        }
    }

    private ReceiptOutcome book(ScanEvent scan, ReceivedUnit unit) throws SQLException, ScanRejectedException {
        try (Connection tx = db.getConnection()) {
            tx.setAutoCommit(false);
            try {
                ReceiptOutcome.Accepted accepted = bookIn(tx, scan, unit);
                tx.commit();
                LOG.info("scan {} on {}: booked {} x {} lot '{}' as SSCC {}", accepted.scanId(), scan.scannerId(),
                        accepted.quantity(), accepted.sku(), accepted.lot(), accepted.sscc());
                return accepted;
            } catch (ScanRejectedException | SQLException | RuntimeException e) {
                tx.rollback();
                throw e;
            }
        }
    }

    private ReceiptOutcome.Accepted bookIn(Connection tx, ScanEvent scan, ReceivedUnit unit)
            throws SQLException, ScanRejectedException {
        Instant now = clock.instant();
        long scanId = store.insertScan(tx, scan, null, null);
        JdbcReceivingStore.Product product = store.productByGtin(tx, unit.gtin().value()).orElseThrow(() ->
                new ScanRejectedException(RejectionCode.UNKNOWN_PRODUCT,
                        "GTIN " + unit.gtin() + " is not a known product"));
        if (unit.sscc().isPresent()) {
            Optional<Long> previous = store.bookedBy(tx, unit.sscc().get().value());
            if (previous.isPresent()) {
                throw new ScanRejectedException(RejectionCode.DUPLICATE_SSCC, "SSCC " + unit.sscc().get()
                        + " is already booked (scan " + previous.get() + ")");
            }
        }
        checkLot(tx, product.sku(), unit);
        Sscc sscc = unit.sscc().isPresent() ? unit.sscc().get() : generateSscc(tx);
        OutboxRecord record = outbox.append(tx, "movement", movementJson(scanId, product.sku(), unit, sscc, now));
        store.insertMovement(tx, product.sku(), unit.lot(), unit.quantity(), receiving.location(), sscc.value(),
                scanId, record.seq(), now);
        store.addOnHand(tx, product.sku(), unit.lot(), receiving.location(), unit.quantity());
        if (!store.insertHandlingUnit(tx, sscc.value(), product.sku(), unit, receiving.location(), scanId, now)) {
            throw new ScanRejectedException(RejectionCode.DUPLICATE_SSCC, "SSCC " + sscc
                    + " was booked by a concurrent scan");
        }
        String zpl = template.render(new PalletLabel(sscc, unit.gtin(), product.description(), unit.quantity(),
                unit.lot().isEmpty() ? null : unit.lot(), unit.bestBefore().orElse(null),
                receiving.shipFrom().isEmpty() ? null : receiving.shipFrom()));
        long jobId = labels.queue(tx, receiving.printer(), sscc, zpl, now);
        return new ReceiptOutcome.Accepted(scanId, sscc, unit.sscc().isEmpty(), product.sku(), unit.lot(),
                unit.quantity(), record.seq(), jobId);
    }

    private void checkLot(Connection tx, String sku, ReceivedUnit unit) throws SQLException, ScanRejectedException {
        if (unit.lot().isEmpty()) {
            return;
        }
        JdbcReceivingStore.LotDates scanned = new JdbcReceivingStore.LotDates(unit.expiry(), unit.bestBefore());
        if (store.insertLot(tx, sku, unit.lot(), scanned)) {
            return;
        }
        JdbcReceivingStore.LotDates known = store.lotDates(tx, sku, unit.lot()).orElseThrow(() ->
                new SQLException("lot " + unit.lot() + " of " + sku + " exists but cannot be read"));
        mustAgree("expiry", known.expiry(), unit.expiry(), sku, unit.lot());
        mustAgree("best-before date", known.bestBefore(), unit.bestBefore(), sku, unit.lot());
        store.completeLotDates(tx, sku, unit.lot(), scanned);
    }

    private static void mustAgree(String what, Optional<LocalDate> known, Optional<LocalDate> scanned, String sku,
                                  String lot) throws ScanRejectedException {
        if (known.isPresent() && scanned.isPresent() && !known.equals(scanned)) {
            throw new ScanRejectedException(RejectionCode.LOT_EXPIRY_MISMATCH, "lot " + lot + " of " + sku
                    + " is recorded with " + what + " " + known.get() + ", the scan says " + scanned.get());
        }
    }

    private Sscc generateSscc(Connection tx) throws SQLException {
        return Sscc.of(gs1.extensionDigit(), gs1.companyPrefix(), store.nextSsccSerial(tx));
    }

    private String movementJson(long scanId, String sku, ReceivedUnit unit, Sscc sscc, Instant at) {
        ObjectNode m = json.createObjectNode();
        m.put("type", "RECEIPT");
        m.put("sku", sku);
        m.put("gtin", unit.gtin().value());
        m.put("lot", unit.lot());
        unit.expiry().ifPresent(d -> m.put("expiry", d.toString()));
        unit.bestBefore().ifPresent(d -> m.put("bestBefore", d.toString()));
        m.put("quantity", unit.quantity());
        m.put("toLocation", receiving.location());
        m.put("sscc", sscc.value());
        m.put("scanId", scanId);
        m.put("occurredAt", at.toString());
        return m.toString();
    }

    private ReceiptOutcome.Rejected reject(ScanEvent scan, RejectionCode code, String reason) throws SQLException {
        try (Connection c = db.getConnection()) {
            long scanId = store.insertScan(c, scan, code, reason);
            LOG.info("scan {} on {} rejected ({}): {}", scanId, scan.scannerId(), code, abbreviate(reason));
            return new ReceiptOutcome.Rejected(scanId, code, reason);
        }
    }

    private static void pauseBeforeRetry(int attempt) throws SQLException {
        try {
            // Jittered, growing pause so that the receipts that collided do not collide again.
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(2, 10L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while retrying a receipt", "40XL1", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
