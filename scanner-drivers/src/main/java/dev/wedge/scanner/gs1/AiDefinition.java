package dev.wedge.scanner.gs1;

import java.util.List;

/**
 * What the GS1 Barcode Syntax Dictionary says about one Application Identifier. Immutable; the lengths are
 * worked out once, as every scan asks for them.
 *
 * <p>{@code requires}: each entry is one "req=" rule, alternatives separated by ',', each alternative a
 * '+'-joined list of AIs or patterns ("01+21,02,35nn"). {@code excludes}: AIs or patterns ("310n") that must not
 * appear together with this AI. {@code dlPrimaryKey}: the "dlpkey" qualifier sequences ("22,10,21|235").
 */
public final class AiDefinition {

    private final String ai;
    private final boolean predefinedLength;
    private final boolean dlAttribute;
    private final List<AiComponent> components;
    private final List<String> requires;
    private final List<String> excludes;
    private final String dlPrimaryKey;
    private final String title;
    private final int minLength;
    private final int maxLength;
    private final String[][][] parsedRequires;

    public AiDefinition(String ai, boolean predefinedLength, boolean dlAttribute, List<AiComponent> components,
                        List<String> requires, List<String> excludes, String dlPrimaryKey, String title) {
        if (!isAiShape(ai)) {
            throw new IllegalArgumentException("AI '" + ai + "' is not 2 to 4 digits");
        }
        if (components == null || components.isEmpty()) {
            throw new IllegalArgumentException("AI (" + ai + ") has no data components");
        }
        this.ai = ai;
        this.predefinedLength = predefinedLength;
        this.dlAttribute = dlAttribute;
        this.components = List.copyOf(components);
        this.requires = List.copyOf(requires);
        this.excludes = List.copyOf(excludes);
        this.dlPrimaryKey = dlPrimaryKey;
        this.title = title == null ? "" : title;
        int min = 0;
        int max = 0;
        for (AiComponent c : this.components) {
            min += c.optional() ? 0 : c.minLength();
            max += c.maxLength();
        }
        this.minLength = min;
        this.maxLength = max;
        this.parsedRequires = new String[this.requires.size()][][];
        for (int i = 0; i < this.requires.size(); i++) {
            String[] alternatives = this.requires.get(i).split(",");
            parsedRequires[i] = new String[alternatives.length][];
            for (int j = 0; j < alternatives.length; j++) {
                parsedRequires[i][j] = alternatives[j].split("\\+");
            }
        }
    }

    /** The AI digits, e.g. "01" or "3103". */
    public String ai() {
        return ai;
    }

    /** True for the AIs whose length is fixed by the standard, so no FNC1 follows them. */
    public boolean predefinedLength() {
        return predefinedLength;
    }

    /** True when the AI may be a GS1 Digital Link query attribute. */
    public boolean dlAttribute() {
        return dlAttribute;
    }

    /** The parts of the data field, in order. */
    public List<AiComponent> components() {
        return components;
    }

    /** The req= rules as written ("01+21,02,35nn"). */
    public List<String> requires() {
        return requires;
    }

    /** The ex= AIs and patterns. */
    public List<String> excludes() {
        return excludes;
    }

    /** The dlpkey qualifier sequences, "" for a key without qualifiers, or null when not a key. */
    public String dlPrimaryKey() {
        return dlPrimaryKey;
    }

    /** The data title, e.g. "GTIN". */
    public String title() {
        return title;
    }

    /** The req= rules parsed: rule, alternative, AIs or patterns that must all be present. */
    String[][][] parsedRequires() {
        return parsedRequires;
    }

    @Override
    public String toString() {
        return "AiDefinition[" + ai + " " + title + "]";
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
        return minLength;
    }

    /** Most characters the data field may have. */
    public int maxLength() {
        return maxLength;
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
