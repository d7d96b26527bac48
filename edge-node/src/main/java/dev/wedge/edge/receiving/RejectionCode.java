package dev.wedge.edge.receiving;

/** Why a receiving scan changed no stock. The names are stable: the status API, logs and HQ reuse them. */
public enum RejectionCode {
    /** The data is not a GS1 element string (or was read from a non-GS1 symbology). */
    NOT_GS1,
    /** The element string breaks the GS1 syntax: unknown AI, wrong length, missing separator, bad date... */
    GS1_SYNTAX,
    /** A GTIN or SSCC in the scan has a wrong check digit. */
    BAD_CHECK_DIGIT,
    /** The scan names no product: neither AI (01) nor AI (02) (an SSCC alone needs an advance notice). */
    NO_PRODUCT,
    /** The GTIN is not in the product master. */
    UNKNOWN_PRODUCT,
    /** The SSCC was already booked; a second receipt would count the unit twice. */
    DUPLICATE_SSCC,
    /** The lot is known with a different expiry date. */
    LOT_EXPIRY_MISMATCH,
    /** The count is zero or too large to be a real unit. */
    BAD_QUANTITY,
    /** The unit's expiry (AI 17) or best-before date (AI 15) has passed: expired stock is not received. */
    EXPIRED,
    /** The scan was valid but could not be booked (a storage or label failure); the reason says which. */
    NOT_BOOKED
}
