package dev.wedge.label.zpl;

/**
 * Which GS1 Application Identifiers have a predefined fixed length, so need no FNC1 after their value
 * (the GS1 General Specifications' table of predefined lengths, keyed by the AI's first two digits).
 */
final class Gs1Ai {

    private static final java.util.Set<String> FIXED_PREFIXES = java.util.Set.of(
            "00", "01", "02", "03", "04", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
            "31", "32", "33", "34", "35", "36", "41");

    private Gs1Ai() {
    }

    static boolean isFixedLength(String ai) {
        return ai.length() >= 2 && FIXED_PREFIXES.contains(ai.substring(0, 2));
    }
}
