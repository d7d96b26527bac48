package dev.wedge.scanner.gs1;

import java.util.List;

/**
 * What the GS1 Barcode Syntax Dictionary says about one Application Identifier.
 *
 * @param ai               the AI digits, e.g. "01" or "3103"
 * @param predefinedLength true for the AIs whose length is fixed by the standard, so no FNC1 follows them
 * @param dlAttribute      true when the AI may be a GS1 Digital Link query attribute
 * @param components       the parts of the data field, in order
 * @param requires         each entry is one "req=" rule: alternatives separated by ',', each alternative a
 *                         '+'-joined list of AIs or patterns ("01+21,02,35nn")
 * @param excludes         AIs or patterns ("310n") that must not appear together with this AI
 * @param dlPrimaryKey     the "dlpkey" qualifier sequences ("22,10,21|235"), "" for a key without qualifiers,
 *                         or {@code null} when the AI is not a Digital Link primary key
 * @param title            the data title, e.g. "GTIN" or "BATCH/LOT"
 */
public record AiDefinition(String ai, boolean predefinedLength, boolean dlAttribute, List<AiComponent> components,
                           List<String> requires, List<String> excludes, String dlPrimaryKey, String title) {

    public AiDefinition {
        if (!isAiShape(ai)) {
            throw new IllegalArgumentException("AI '" + ai + "' is not 2 to 4 digits");
        }
        if (components == null || components.isEmpty()) {
            throw new IllegalArgumentException("AI (" + ai + ") has no data components");
        }
        components = List.copyOf(components);
        requires = List.copyOf(requires);
        excludes = List.copyOf(excludes);
        title = title == null ? "" : title;
    }

    /** True for two to four decimal digits. */
    static boolean isAiShape(String ai) {
        if (ai == null || ai.length() < 2 || ai.length() > 4) {
            return false;
        }
        for (int i = 0; i < ai.length(); i++) {
            if (ai.charAt(i) < '0' || ai.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Fewest characters the data field may have. */
    public int minLength() {
        int sum = 0;
        for (AiComponent c : components) {
            if (!c.optional()) {
                sum += c.minLength();
            }
        }
        return sum;
    }

    /** Most characters the data field may have. */
    public int maxLength() {
        int sum = 0;
        for (AiComponent c : components) {
            sum += c.maxLength();
        }
        return sum;
    }

    /** True when this AI is a GS1 Digital Link primary key. */
    public boolean isDigitalLinkKey() {
        return dlPrimaryKey != null;
    }

    /** Implied decimal places for the measure and amount AIs (310n-369n, 390n-395n), else -1. */
    public int impliedDecimals() {
        if (ai.length() == 4 && (ai.charAt(0) == '3') && ai.charAt(1) >= '1' && ai.charAt(1) <= '6'
                || ai.length() == 4 && ai.startsWith("39") && ai.charAt(2) <= '5') {
            return ai.charAt(3) - '0';
        }
        return -1;
    }
}
