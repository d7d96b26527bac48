package dev.wedge.label.template;

import dev.wedge.scanner.gs1.Gtin;
import dev.wedge.scanner.gs1.Sscc;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * What a GS1 logistic (pallet) label says: the SSCC of the pallet and what is on it.
 *
 * @param sscc        the pallet's serial shipping container code; required
 * @param content     GTIN of the trade items on the pallet (AI 02); required
 * @param description free text describing the content; required, not blank, printed as text only
 * @param count       number of trade items (AI 37), 1 to 99,999,999
 * @param lot         batch or lot number (AI 10), up to 20 characters of the GS1 character set; nullable
 * @param bestBefore  best-before date (AI 15); nullable
 * @param shipFrom    sender name and address, printed as text only; nullable
 */
public record PalletLabel(Sscc sscc, Gtin content, String description, int count, String lot,
                          LocalDate bestBefore, String shipFrom) {

    /** GS1 AI encodable character set 82. */
    private static final Pattern GS1_CHARSET_82 = Pattern.compile("[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]{1,20}");

    public PalletLabel {
        if (sscc == null) {
            throw new IllegalArgumentException("pallet label needs an SSCC");
        }
        if (content == null) {
            throw new IllegalArgumentException("pallet label " + sscc + " needs a content GTIN");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("pallet label " + sscc + " needs a description, got '" + description + "'");
        }
        if (count < 1 || count > 99_999_999) {
            throw new IllegalArgumentException("pallet label " + sscc + " count " + count + " is not 1 to 99999999");
        }
        if (lot != null && !GS1_CHARSET_82.matcher(lot).matches()) {
            throw new IllegalArgumentException("pallet label " + sscc + " lot '" + lot
                    + "' is not 1 to 20 characters of the GS1 character set");
        }
        if (bestBefore != null && (bestBefore.getYear() < 2000 || bestBefore.getYear() > 2099)) {
            throw new IllegalArgumentException("pallet label " + sscc + " best-before date " + bestBefore
                    + " is outside 2000-2099, which AI 15 cannot express");
        }
    }
}
