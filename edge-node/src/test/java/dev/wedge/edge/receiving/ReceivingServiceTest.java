package dev.wedge.edge.receiving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wedge.edge.config.EdgeConfig;
import dev.wedge.edge.db.EdgeDatabase;
import dev.wedge.edge.demo.DemoWarehouse;
import dev.wedge.edge.labels.LabelJobs;
import dev.wedge.edge.labels.UnstartedLabelJobs;
import dev.wedge.scanner.ScanEvent;
import dev.wedge.scanner.gs1.CheckDigit;
import dev.wedge.sync.edge.JdbcOutbox;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReceivingServiceTest {

    private static final String GS = "\u001d";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

    // One migrated database for the class; each test starts from an emptied, freshly seeded warehouse.
    private static EdgeDatabase db;
    private ReceivingService receiving;

    @BeforeAll
    static void migrate() {
        db = new EdgeDatabase("jdbc:derby:memory:recv-" + UUID.randomUUID() + ";create=true");
        db.migrate();
    }

    @AfterAll
    static void shutDown() throws SQLException {
        db.close();
    }

    @BeforeEach
    void freshWarehouse() throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            for (String table : new String[]{"stock_movement", "handling_unit", "stock_on_hand", "lot",
                    "scan", "sync_outbox", "location", "product", "label_job", "label_print_job"}) {
                st.executeUpdate("DELETE FROM " + table);
            }
            st.executeUpdate("DELETE FROM sync_outbox_counter");
        }
        DemoWarehouse.seed(db);
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO location (code, kind, description) VALUES ('RECV', 'RECEIVING', 'Receiving')");
        }
        receiving = new ReceivingService(db, new JdbcOutbox("WH-T"), new EdgeConfig.Gs1("0614141", 3),
                new EdgeConfig.Receiving("RECV", "dock-1", "Wedge DC"), labels(), CLOCK);
    }

    private static LabelJobs labels() {
        return UnstartedLabelJobs.forDock1(db, CLOCK);
    }

    private ReceiptOutcome scan(String symbology, String data) throws SQLException {
        return receiving.receive(new ScanEvent("recv-1", symbology, data, CLOCK.instant()));
    }

    @Test
    void booksAPalletWithItsScannedSsccIntoReceiving() throws SQLException {
        ReceiptOutcome out = scan("]C1", "00123456789012345675" + "0212345678901231" + "37" + "123");

        assertThat(out).isInstanceOfSatisfying(ReceiptOutcome.Accepted.class, a -> {
            assertThat(a.sscc().value()).isEqualTo("123456789012345675");
            assertThat(a.ssccGenerated()).isFalse();
            assertThat(a.quantity()).isEqualTo(123);
            assertThat(a.sku()).isEqualTo("CRATE-B");
        });
        assertThat(onHand("CRATE-B", "")).isEqualTo(123);
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE kind = 'RECEIPT' AND quantity = 123")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM label_status WHERE status = 'QUEUED'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM sync_outbox")).isEqualTo(1);
    }

    @Test
    void generatesConsecutiveSsccsUnderTheCompanyPrefixWhenTheScanHasNone() throws SQLException {
        var first = (ReceiptOutcome.Accepted) scan("]C1", "0112312312312333" + "10" + "L1");
        var second = (ReceiptOutcome.Accepted) scan("]C1", "0112312312312333" + "10" + "L1");

        assertThat(first.ssccGenerated()).isTrue();
        assertThat(first.sscc().value()).startsWith("30614141").hasSize(18);
        assertThat(CheckDigit.isValid(first.sscc().value())).isTrue();
        long serialA = Long.parseLong(first.sscc().value().substring(8, 17));
        long serialB = Long.parseLong(second.sscc().value().substring(8, 17));
        assertThat(serialB).isEqualTo(serialA + 1);
        assertThat(onHand("WIDGET-A", "L1")).isEqualTo(2);
    }

    @Test
    void refusesASecondScanOfABookedSsccAndBooksNothing() throws SQLException {
        String pallet = "00123456789012345675" + "0212345678901231" + "37" + "10";
        scan("]C1", pallet);

        ReceiptOutcome again = scan("]C1", pallet);

        assertThat(again).isInstanceOfSatisfying(ReceiptOutcome.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(RejectionCode.DUPLICATE_SSCC);
            assertThat(r.reason()).contains("123456789012345675");
        });
        assertThat(onHand("CRATE-B", "")).isEqualTo(10);
        assertThat(count("SELECT COUNT(*) FROM stock_movement")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM sync_outbox")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM scan WHERE outcome = 'REJECTED' AND reason_code = 'DUPLICATE_SSCC'"))
                .isEqualTo(1);
    }

    @Test
    void storesEachBadScanAsRejectedWithItsReasonAndChangesNoStock() throws SQLException {
        assertRejected("]C1", "0112345678901234", RejectionCode.BAD_CHECK_DIGIT, "01");
        assertRejected("]C1", "0109501101530003" + "10X9", RejectionCode.UNKNOWN_PRODUCT, "09501101530003");
        assertRejected("]C0", "HELLO WORLD", RejectionCode.NOT_GS1, "]C0");
        assertRejected("]C1", "0112312312312333" + "17131301", RejectionCode.GS1_SYNTAX, "17");
        assertRejected("]C1", "0212345678901231", RejectionCode.GS1_SYNTAX, "(37)");
        assertRejected("]C1", "00123456789012345675", RejectionCode.NO_PRODUCT, "advance notice");
        assertRejected("]C1", "0112312312312333" + "17200101", RejectionCode.EXPIRED, "2020-01-01");
        assertRejected("]C1", "0112312312312333" + "15261202", RejectionCode.EXPIRED, "best-before");

        assertThat(count("SELECT COUNT(*) FROM scan WHERE outcome = 'REJECTED'")).isEqualTo(8);
        assertThat(count("SELECT COUNT(*) FROM stock_on_hand")).isZero();
        assertThat(count("SELECT COUNT(*) FROM stock_movement")).isZero();
        assertThat(count("SELECT COUNT(*) FROM sync_outbox")).isZero();
        assertThat(count("SELECT COUNT(*) FROM label_job")).isZero();
    }

    @Test
    void acceptsARedundantSeparatorAfterAFixedLengthAiAsTheGs1ReferenceEngineDoes() throws SQLException {
        ReceiptOutcome out = scan("]C1", "0112312312312333" + GS + "10" + "ABC");

        assertThat(out).isInstanceOf(ReceiptOutcome.Accepted.class);
        assertThat(onHand("WIDGET-A", "ABC")).isEqualTo(1);
    }

    @Test
    void refusesALotScannedWithADifferentExpiryThanRecorded() throws SQLException {
        scan("]C1", "0112312312312333" + "17270630" + "10" + "LOT-7");

        assertRejected("]C1", "0112312312312333" + "17270731" + "10" + "LOT-7", RejectionCode.LOT_EXPIRY_MISMATCH,
                "2027-06-30");
        assertThat(onHand("WIDGET-A", "LOT-7")).isEqualTo(1);
    }

    @Test
    void completesTheDatesOfALotFirstBookedWithoutThem() throws SQLException {
        scan("]C1", "0112312312312333" + "10" + "NODATE");

        assertThat(scan("]C1", "0112312312312333" + "17280131" + "10" + "NODATE"))
                .isInstanceOf(ReceiptOutcome.Accepted.class);
        assertThat(count("SELECT COUNT(*) FROM lot WHERE lot_number = 'NODATE' AND expiry = DATE('2028-01-31')"))
                .isEqualTo(1);
    }

    @Test
    void keepsExpiryAndBestBeforeApartAndPrintsOnlyTheBestBeforeAsBestBefore() throws SQLException {
        scan("]C1", "00123456789012345675" + "0212345678901231" + "17280131" + "37" + "5");

        assertThat(count("SELECT COUNT(*) FROM handling_unit WHERE expiry = DATE('2028-01-31') AND best_before IS NULL"))
                .isEqualTo(1);
        assertThat(text("SELECT zpl FROM label_job")).doesNotContain("BEST BEFORE").doesNotContain("(15)");
    }

    @Test
    void aFailureAfterTheOutboxWriteRollsBackTheWholeReceiptAndStoresTheScanAsNotBooked() throws SQLException {
        // A printer the label queue does not know makes the last step of the receipt fail.
        receiving = new ReceivingService(db, new JdbcOutbox("WH-T"), new EdgeConfig.Gs1("0614141", 3),
                new EdgeConfig.Receiving("RECV", "p".repeat(41), ""), labels(), CLOCK);

        ReceiptOutcome out = scan("]C1", "0112312312312333" + "10" + "L9");

        assertThat(out).isInstanceOfSatisfying(ReceiptOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(RejectionCode.NOT_BOOKED));
        assertThat(count("SELECT COUNT(*) FROM sync_outbox")).isZero();
        assertThat(count("SELECT COUNT(*) FROM stock_movement")).isZero();
        assertThat(count("SELECT COUNT(*) FROM stock_on_hand")).isZero();
        assertThat(count("SELECT COUNT(*) FROM lot")).isZero();
        assertThat(count("SELECT COUNT(*) FROM scan WHERE outcome = 'REJECTED'")).isEqualTo(1);
    }

    @Test
    void concurrentScansOfOneNewLotAreAllBookedAndConcurrentScansOfOneSsccBookItOnce() throws Exception {
        int scanners = 8;
        ExecutorService pool = Executors.newFixedThreadPool(scanners);
        try {
            CyclicBarrier together = new CyclicBarrier(scanners);
            List<Future<ReceiptOutcome>> lotScans = new ArrayList<>();
            List<Future<ReceiptOutcome>> palletScans = new ArrayList<>();
            for (int i = 0; i < scanners; i++) {
                lotScans.add(pool.submit(() -> {
                    together.await();
                    return scan("]C1", "0112312312312333" + "10" + "RACE");
                }));
            }
            for (Future<ReceiptOutcome> f : lotScans) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isInstanceOf(ReceiptOutcome.Accepted.class);
            }
            for (int i = 0; i < scanners; i++) {
                palletScans.add(pool.submit(() -> {
                    together.await();
                    return scan("]C1", "00123456789012345675" + "0212345678901231" + "37" + "7");
                }));
            }
            List<ReceiptOutcome> outcomes = new ArrayList<>();
            for (Future<ReceiptOutcome> f : palletScans) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(o -> o instanceof ReceiptOutcome.Accepted).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof ReceiptOutcome.Rejected r
                    && r.code() == RejectionCode.DUPLICATE_SSCC).hasSize(scanners - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(onHand("WIDGET-A", "RACE")).isEqualTo(scanners);
        assertThat(onHand("CRATE-B", "")).isEqualTo(7);
        assertThat(count("SELECT COUNT(*) FROM sync_outbox")).isEqualTo(scanners + 1);
    }

    @Test
    void readsDayZeroOfABestBeforeDateAsTheEndOfThatMonth() throws SQLException {
        scan("]C1", "0112312312312333" + "15270200" + "10" + "FEB");

        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT best_before FROM lot WHERE lot_number = 'FEB'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDate(1).toLocalDate()).hasToString("2027-02-28");
        }
    }

    private void assertRejected(String symbology, String data, RejectionCode code, String mentioned)
            throws SQLException {
        assertThat(scan(symbology, data)).isInstanceOfSatisfying(ReceiptOutcome.Rejected.class, r -> {
            assertThat(r.code()).as(data).isEqualTo(code);
            assertThat(r.reason()).as(data).contains(mentioned);
        });
    }

    private long onHand(String sku, String lot) throws SQLException {
        return count("SELECT COALESCE(SUM(quantity), 0) FROM stock_on_hand WHERE sku = '" + sku
                + "' AND lot_number = '" + lot + "'");
    }

    private String text(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
