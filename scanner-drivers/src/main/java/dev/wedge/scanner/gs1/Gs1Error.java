package dev.wedge.scanner.gs1;

/**
 * Stable codes for everything that can be wrong with GS1 data. Logs, REST problem responses and the
 * {@code gs1 parse} command reuse these names, so they never change meaning.
 */
public enum Gs1Error {
    /** There was nothing to parse. */
    EMPTY,
    /** The input carries a symbology identifier or shape that says it is not GS1 data. */
    NOT_GS1,
    /** No Application Identifier in the dictionary starts here. */
    UNKNOWN_AI,
    /** The bracketed form is malformed: unbalanced brackets, a non-numeric or badly sized AI, an empty value. */
    BAD_SYNTAX,
    /** A mod-10 or alphanumeric check digit (pair) is wrong. */
    BAD_CHECK_DIGIT,
    /** A date or time component is impossible (month 13, 31 February, hour 24). */
    BAD_DATE,
    /** The value (or one of its fixed components) is shorter than the AI allows. */
    TOO_SHORT,
    /** The value is longer than the AI allows. */
    TOO_LONG,
    /** A character is outside the character set of its component (numeric, CSET 82, 39 or 64). */
    BAD_CHARACTER,
    /** A variable-length value runs into what is clearly the next AI: the FNC1/GS separator is missing. */
    MISSING_SEPARATOR,
    /** A separator follows a pre-defined-length AI, ends the data, or repeats. */
    REDUNDANT_SEPARATOR,
    /** The value fails one of the content rules of the dictionary (country, currency, IBAN, coupon...). */
    BAD_VALUE,
    /** An AI is present without the AIs that it requires. */
    MISSING_REQUIRED_AI,
    /** Two AIs that exclude each other are both present. */
    EXCLUSIVE_AIS,
    /** The same AI appears twice with different values. */
    CONFLICTING_REPEAT,
    /** A GS1 Digital Link URI is malformed or breaks the Digital Link rules. */
    BAD_DIGITAL_LINK
}
