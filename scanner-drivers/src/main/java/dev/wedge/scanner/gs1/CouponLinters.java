package dev.wedge.scanner.gs1;

import static dev.wedge.scanner.gs1.LintError.*;

/**
 * The North American coupon codes: AI 8110 (coupon code) and AI 8112 (paperless positive offer). Both are runs of
 * digits whose fields are sized by variable length indicators (VLIs). A field that is absent is reported over the
 * whole value; a field that is cut short is reported over what is left of it.
 */
final class CouponLinters {

    private CouponLinters() {
    }

    /** Reads the fields of one coupon value in order; each step either advances or records the first failure. */
    private static final class Cursor {
        final String v;
        int p;
        LintFailure failure;

        Cursor(String v) {
            this.v = v;
        }

        boolean ok() {
            return failure == null;
        }

        boolean atEnd() {
            return p >= v.length();
        }

        /** One digit; {@code allowed} lists the valid ones. Returns the digit or -1 after recording a failure. */
        int digit(LintError missing, LintError invalid, String allowed) {
            if (!ok()) {
                return -1;
            }
            if (atEnd()) {
                failure = new LintFailure(missing, 0, v.length());
                return -1;
            }
            char c = v.charAt(p);
            if (allowed.indexOf(c) < 0) {
                failure = new LintFailure(invalid, p, p + 1);
                return -1;
            }
            p++;
            return c - '0';
        }

        /** {@code n} digits; returns their start or -1 after recording a truncation. */
        int take(int n, LintError truncated) {
            if (!ok()) {
                return -1;
            }
            if (p + n > v.length()) {
                failure = atEnd() ? new LintFailure(truncated, 0, v.length()) : new LintFailure(truncated, p, v.length());
                return -1;
            }
            int start = p;
            p += n;
            return start;
        }
    }

    static LintFailure couponCode(String v) {
        LintFailure digits = ValueLinters.digits(v);
        if (digits != null) {
            return digits;
        }
        Cursor c = new Cursor(v);
        int gcp = c.digit(COUPON_MISSING_GCP_VLI, COUPON_INVALID_GCP_LENGTH, "0123456");
        c.take(6 + gcp, COUPON_TRUNCATED_GCP);
        c.take(6, COUPON_TRUNCATED_OFFER_CODE);
        int save = c.digit(COUPON_MISSING_SAVE_VALUE_VLI, COUPON_INVALID_SAVE_VALUE_LENGTH, "12345");
        c.take(save, COUPON_TRUNCATED_SAVE_VALUE);
        int req = c.digit(COUPON_MISSING_1ST_PURCHASE_REQUIREMENT_VLI, COUPON_INVALID_1ST_PURCHASE_REQUIREMENT_LENGTH,
                "12345");
        c.take(req, COUPON_TRUNCATED_1ST_PURCHASE_REQUIREMENT);
        c.digit(COUPON_MISSING_1ST_PURCHASE_REQUIREMENT_CODE, COUPON_INVALID_1ST_PURCHASE_REQUIREMENT_CODE, "012349");
        c.take(3, COUPON_TRUNCATED_1ST_PURCHASE_FAMILY_CODE);
        int last = 0;
        int expiryAt = -1;
        while (c.ok() && !c.atEnd()) {
            int field = v.charAt(c.p) - '0';
            if (field <= last || "1234569".indexOf(v.charAt(c.p)) < 0) {
                return new LintFailure(COUPON_EXCESS_DATA, c.p, v.length());
            }
            int fieldAt = c.p++;
            switch (field) {
                case 1 -> purchase(c, true);
                case 2 -> purchase(c, false);
                case 3 -> {
                    expiryAt = fieldAt;
                    date(c, COUPON_TOO_SHORT_FOR_EXPIRATION_DATE, COUPON_INVALID_EXIPIRATION_DATE);
                }
                case 4 -> {
                    int start = date(c, COUPON_TOO_SHORT_FOR_START_DATE, COUPON_INVALID_START_DATE);
                    if (c.ok() && expiryAt >= 0 && v.substring(expiryAt + 1, expiryAt + 7).compareTo(v.substring(start, start + 6)) < 0) {
                        return new LintFailure(COUPON_EXPIRATION_BEFORE_START, expiryAt, c.p);
                    }
                }
                case 5 -> {
                    int serial = c.digit(COUPON_MISSING_SERIAL_NUMBER_VLI, COUPON_MISSING_SERIAL_NUMBER_VLI, "0123456789");
                    c.take(6 + serial, COUPON_TRUNCATED_SERIAL_NUMBER);
                }
                case 6 -> {
                    int retailer = c.digit(COUPON_MISSING_RETAILER_GCP_OR_GLN_VLI,
                            COUPON_INVALID_RETAILER_GCP_OR_GLN_LENGTH, "1234567");
                    c.take(6 + retailer, COUPON_TRUNCATED_RETAILER_GCP_OR_GLN);
                }
                default -> miscellaneous(c);
            }
            last = field;
        }
        return c.failure;
    }

    private static void purchase(Cursor c, boolean second) {
        if (second) {
            c.digit(COUPON_MISSING_ADDITIONAL_PURCHASE_RULES_CODE, COUPON_INVALID_ADDITIONAL_PURCHASE_RULES_CODE, "0123");
        }
        int req = c.digit(second ? COUPON_MISSING_2ND_PURCHASE_REQUIREMENT_VLI : COUPON_MISSING_3RD_PURCHASE_REQUIREMENT_VLI,
                second ? COUPON_INVALID_2ND_PURCHASE_REQUIREMENT_LENGTH : COUPON_INVALID_3RD_PURCHASE_REQUIREMENT_LENGTH,
                "12345");
        c.take(req, second ? COUPON_TRUNCATED_2ND_PURCHASE_REQUIREMENT : COUPON_TRUNCATED_3RD_PURCHASE_REQUIREMENT);
        c.digit(second ? COUPON_MISSING_2ND_PURCHASE_REQUIREMENT_CODE : COUPON_MISSING_3RD_PURCHASE_REQUIREMENT_CODE,
                second ? COUPON_INVALID_2ND_PURCHASE_REQUIREMENT_CODE : COUPON_INVALID_3RD_PURCHASE_REQUIREMENT_CODE,
                "012349");
        c.take(3, second ? COUPON_TRUNCATED_2ND_PURCHASE_FAMILY_CODE : COUPON_TRUNCATED_3RD_PURCHASE_FAMILY_CODE);
        int gcp = c.digit(second ? COUPON_MISSING_2ND_PURCHASE_GCP_VLI : COUPON_MISSING_3RD_PURCHASE_GCP_VLI,
                second ? COUPON_INVALID_2ND_PURCHASE_GCP_LENGTH : COUPON_INVALID_3RD_PURCHASE_GCP_LENGTH, "01234569");
        if (gcp != 9) {
            c.take(6 + gcp, second ? COUPON_TRUNCATED_2ND_PURCHASE_GCP : COUPON_TRUNCATED_3RD_PURCHASE_GCP);
        }
    }

    private static int date(Cursor c, LintError tooShort, LintError invalid) {
        int start = c.take(6, tooShort);
        if (c.ok() && DateRules.yymmdd(c.v.substring(start, start + 6), false) != null) {
            c.failure = new LintFailure(invalid, start, start + 6);
        }
        return start;
    }

    private static void miscellaneous(Cursor c) {
        c.digit(COUPON_MISSING_SAVE_VALUE_CODE, COUPON_INVALID_SAVE_VALUE_CODE, "01256");
        c.digit(COUPON_MISSING_SAVE_VALUE_APPLIES_TO_ITEM, COUPON_INVALID_SAVE_VALUE_APPLIES_TO_ITEM, "012");
        c.digit(COUPON_MISSING_STORE_COUPON_FLAG, COUPON_MISSING_STORE_COUPON_FLAG, "0123456789");
        c.digit(COUPON_MISSING_DONT_MULTIPLY_FLAG, COUPON_INVALID_DONT_MULTIPLY_FLAG, "01");
    }

    static LintFailure couponPositiveOffer(String v) {
        LintFailure digits = ValueLinters.digits(v);
        if (digits != null) {
            return digits;
        }
        Cursor c = new Cursor(v);
        c.digit(COUPON_MISSING_FORMAT_CODE, COUPON_INVALID_FORMAT_CODE, "01");
        int funder = c.digit(COUPON_MISSING_FUNDER_VLI, COUPON_INVALID_FUNDER_LENGTH, "0123456");
        c.take(6 + funder, COUPON_TRUNCATED_FUNDER);
        c.take(6, COUPON_TRUNCATED_OFFER_CODE);
        int serial = c.digit(COUPON_MISSING_SERIAL_NUMBER_VLI, COUPON_MISSING_SERIAL_NUMBER_VLI, "0123456789");
        c.take(6 + serial, COUPON_TRUNCATED_SERIAL_NUMBER);
        if (c.ok() && !c.atEnd()) {
            return new LintFailure(COUPON_EXCESS_DATA, c.p, v.length());
        }
        return c.failure;
    }
}
