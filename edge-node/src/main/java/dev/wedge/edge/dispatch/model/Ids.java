package dev.wedge.edge.dispatch.model;

import dev.wedge.scanner.gs1.Sscc;
import java.util.regex.Pattern;

/** Checks for the ids dispatch accepts from outside (URLs, JSON bodies, driver phones). */
public final class Ids {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,59}");

    private Ids() {
    }

    /** Returns the id when it is 1-60 letters, digits, '.', '_', ':' or '-'; throws INVALID_INPUT otherwise. */
    public static String require(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "The " + what + " '" + id
                    + "' must be 1-60 letters, digits, '.', '_', ':' or '-'");
        }
        return id;
    }

    /**
     * A scanned SSCC as 18 digits: a scanner may send the symbology identifier ({@code ]C1}), the AI in brackets
     * ({@code (00)}) or the bare AI before the digits.
     */
    public static String normalise(String scanned) {
        if (scanned == null) {
            return null;
        }
        String s = scanned.strip();
        if (s.startsWith("]C1") || s.startsWith("]d2") || s.startsWith("]Q3")) {
            s = s.substring(3);
        }
        if (s.startsWith("(00)")) {
            s = s.substring(4);
        } else if (s.length() == 20 && s.startsWith("00")) {
            s = s.substring(2);
        }
        return s;
    }

    /** Returns the 18-digit SSCC when its check digit is right; throws INVALID_INPUT otherwise. */
    public static String requireSscc(String sscc, String what) {
        try {
            return new Sscc(normalise(sscc)).value();
        } catch (RuntimeException e) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "The " + what + " '" + sscc
                    + "' is not a valid SSCC: " + e.getMessage());
        }
    }
}
