package dev.wedge.edge.inventory;

import dev.wedge.scanner.gs1.ElementString;
import dev.wedge.scanner.gs1.Gs1Parser;
import dev.wedge.scanner.gs1.Gs1SyntaxException;
import dev.wedge.scanner.gs1.Gtin;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What an item barcode says: the GTIN and, for a GS1 element string, its lot (AI 10), expiry (AI 17) and serial
 * (AI 21). A plain GTIN-8/12/13/14 scan has only the GTIN.
 */
public record ItemScan(Gtin gtin, Optional<String> lot, Optional<LocalDate> expiry, Optional<String> serial) {

    public ItemScan {
        if (gtin == null || lot == null || expiry == null || serial == null) {
            throw new IllegalArgumentException("an item scan needs a GTIN and (possibly empty) lot, expiry, serial");
        }
    }

    /**
     * Reads an item scan.
     *
     * @param symbology the AIM identifier ("" when the scanner sent none)
     * @param data      the scanned data without that identifier
     * @return empty when the data is not an item barcode (no GTIN in it)
     */
    public static Optional<ItemScan> read(String symbology, String data) {
        String text = data.trim();
        if (text.matches("\\d{8}|\\d{12,14}")) {
            try {
                return Optional.of(new ItemScan(Gtin.parse(text), Optional.empty(), Optional.empty(),
                        Optional.empty()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        try {
            ElementString es = Gs1Parser.tolerant().read(symbology + text);
            Optional<String> gtin = es.first("01").or(() -> es.first("02"));
            if (gtin.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ItemScan(new Gtin(gtin.get()), es.first("10"),
                    es.first("17").map(ItemScan::gs1Date), es.first("21")));
        } catch (Gs1SyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** AI 17 dates are YYMMDD; day 00 means the last day of the month. */
    static LocalDate gs1Date(String yymmdd) {
        int year = 2000 + Integer.parseInt(yymmdd.substring(0, 2));
        int month = Integer.parseInt(yymmdd.substring(2, 4));
        int day = Integer.parseInt(yymmdd.substring(4, 6));
        LocalDate first = LocalDate.of(year, month, 1);
        return day == 0 ? first.withDayOfMonth(first.lengthOfMonth()) : first.withDayOfMonth(day);
    }
}
