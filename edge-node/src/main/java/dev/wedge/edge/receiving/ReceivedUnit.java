package dev.wedge.edge.receiving;

import dev.wedge.scanner.gs1.DateRules;
import dev.wedge.scanner.gs1.ElementString;
import dev.wedge.scanner.gs1.Gtin;
import dev.wedge.scanner.gs1.Sscc;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What a receiving scan says about the unit at the dock: the trade item, how many, which lot and dates, and
 * the unit's own SSCC when it carries one.
 *
 * @param sscc       the scanned SSCC (AI 00), if any
 * @param gtin       the trade item (AI 01) or the content of a logistic unit (AI 02)
 * @param quantity   1 for a trade item scanned alone, else the count (AI 37, which GS1 allows only with AI 02)
 * @param lot        the batch/lot (AI 10), or "" when the scan has none
 * @param expiry     the expiry date (AI 17), if any
 * @param bestBefore the best-before date (AI 15), if any
 */
public record ReceivedUnit(Optional<Sscc> sscc, Gtin gtin, int quantity, String lot, Optional<LocalDate> expiry,
                           Optional<LocalDate> bestBefore) {

    static final int MAX_UNIT_QUANTITY = 99_999;

    /**
     * Reads a parsed element string (already checked against the GS1 syntax and association rules) as a receipt.
     *
     * @throws ScanRejectedException when the element string is valid GS1 but cannot be received
     */
    public static ReceivedUnit from(ElementString es, LocalDate today) throws ScanRejectedException {
        Optional<Sscc> sscc = es.first("00").map(Sscc::new);
        Optional<String> gtin = es.first("01").or(() -> es.first("02"));
        if (gtin.isEmpty()) {
            throw new ScanRejectedException(RejectionCode.NO_PRODUCT, "scan names no product: it has neither AI (01)"
                    + " GTIN nor AI (02) CONTENT" + (sscc.isPresent() ? " (an SSCC alone needs an advance notice)" : ""));
        }
        long quantity = es.first("37").map(Long::parseLong).orElse(1L);
        if (quantity < 1 || quantity > MAX_UNIT_QUANTITY) {
            throw new ScanRejectedException(RejectionCode.BAD_QUANTITY,
                    "AI (37) COUNT " + quantity + " is outside 1.." + MAX_UNIT_QUANTITY);
        }
        Optional<LocalDate> expiry = es.first("17").map(d -> DateRules.toDate(d, today.getYear()));
        Optional<LocalDate> bestBefore = es.first("15").map(d -> DateRules.toDate(d, today.getYear()));
        rejectIfPassed(expiry, today, "expired on");
        rejectIfPassed(bestBefore, today, "passed its best-before date on");
        return new ReceivedUnit(sscc, new Gtin(gtin.get()), (int) quantity, es.first("10").orElse(""), expiry,
                bestBefore);
    }

    private static void rejectIfPassed(Optional<LocalDate> date, LocalDate today, String what)
            throws ScanRejectedException {
        if (date.isPresent() && date.get().isBefore(today)) {
            throw new ScanRejectedException(RejectionCode.EXPIRED, "the unit " + what + " " + date.get());
        }
    }
}
