package dev.wedge.label.template;

import dev.wedge.scanner.gs1.Gtin;
import dev.wedge.scanner.gs1.Sscc;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a template variable holds, how a value is checked and how it is normalised. Text is capped (a long
 * name is shortened); everything that goes into a barcode is refused when it does not fit, because a
 * shortened barcode would say something else.
 */
public enum VariableType {
    /** Any text, printed as text only; capped to {@code max} characters. */
    TEXT,
    /** Printable ASCII (space to tilde) for Code 128, QR or PDF417 data; at most {@code max} characters. */
    CODE,
    /** The GS1 character set 82 (for AI values such as lot numbers); at most {@code max} characters. */
    GS1,
    /** Decimal digits only; at most {@code max} digits. */
    DIGITS,
    /** A whole number from {@code min} to {@code max}. */
    INT,
    /** A date written yyyy-MM-dd; formatted in the template with {@code {name|pattern}}. */
    DATE,
    /** A GTIN-8, -12, -13 or -14, normalised to 14 digits. */
    GTIN,
    /** An 18-digit SSCC with a valid check digit. */
    SSCC;

    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]+");
    private static final Pattern DIGITS_ONLY = Pattern.compile("\\d+");
    private static final Pattern GS1_CHARSET_82 = Pattern.compile("[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]+");

    /** The name used in template files. */
    public String templateName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static VariableType byTemplateName(String name) {
        for (VariableType t : values()) {
            if (t.templateName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("variable type '" + name + "' is not one of text, code, gs1, digits, int, date, gtin, sscc");
    }

    /**
     * Checks and normalises a value.
     *
     * @return the normalised value
     * @throws IllegalArgumentException with a sentence (without the variable name) saying what is wrong
     */
    String normalise(String value, long min, long max) {
        switch (this) {
            case TEXT:
                return value.codePointCount(0, value.length()) > max
                        ? value.substring(0, value.offsetByCodePoints(0, (int) max)) : value;
            case CODE:
                return bounded(value, PRINTABLE_ASCII, max, "is not printable ASCII");
            case GS1:
                return bounded(value, GS1_CHARSET_82, max, "is not in the GS1 character set");
            case DIGITS:
                return bounded(value, DIGITS_ONLY, max, "is not all digits");
            case INT:
                return integer(value, min, max);
            case DATE:
                try {
                    return LocalDate.parse(value).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("'" + value + "' is not a date written yyyy-MM-dd", e);
                }
            case GTIN:
                return Gtin.parse(value).value();
            case SSCC:
                return new Sscc(value).value();
            default:
                throw new IllegalStateException("unhandled variable type " + this);
        }
    }

    private static String bounded(String value, Pattern allowed, long max, String problem) {
        if (!allowed.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' " + problem);
        }
        if (value.length() > max) {
            throw new IllegalArgumentException("'" + value + "' is longer than " + max + " characters");
        }
        return value;
    }

    private static String integer(String value, long min, long max) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number", e);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(n + " is not from " + min + " to " + max);
        }
        return Long.toString(n);
    }
}
