package dev.wedge.scanner.gs1;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules that apply to a whole element string: an AI repeated with a different value, AIs that exclude each
 * other ({@code ex=}), AIs that need companions ({@code req=}), and a digital signature (8030) over a key that
 * lacks its serial component. Patterns such as {@code 310n} or {@code 31nn} match any digit for each 'n'.
 */
final class Associations {

    private Associations() {
    }

    /**
     * AI combinations already found to pass the ex= and req= rules, which depend on the AIs alone. Scans at one
     * site repeat a handful of combinations, so this saves most of the work; it stops growing at its bound.
     */
    private static final Set<String> PASSING = ConcurrentHashMap.newKeySet();
    private static final int PASSING_BOUND = 4096;

    static void validate(List<AiElement> elements, List<Integer> positions, AiDictionary dictionary) {
        repeats(elements, positions);
        StringBuilder key = new StringBuilder(elements.size() * 5);
        for (AiElement e : elements) {
            key.append(e.ai()).append(',');
        }
        String combination = key.toString();
        boolean cacheable = dictionary == AiDictionary.standard();
        if (!cacheable || !PASSING.contains(combination)) {
            pairRules(elements, positions, dictionary);
            if (cacheable && PASSING.size() < PASSING_BOUND) {
                PASSING.add(combination);
            }
        }
        serialisedKeyForSignature(elements, positions);
    }

    private static void pairRules(List<AiElement> elements, List<Integer> positions, AiDictionary dictionary) {
        for (int i = 0; i < elements.size(); i++) {
            AiDefinition def = dictionary.lookup(elements.get(i).ai()).orElse(null);
            if (def != null) {
                exclusions(def, elements, positions.get(i));
            }
        }
        for (int i = 0; i < elements.size(); i++) {
            AiDefinition def = dictionary.lookup(elements.get(i).ai()).orElse(null);
            if (def != null) {
                requisites(def, elements, positions.get(i));
            }
        }
    }

    private static void repeats(List<AiElement> elements, List<Integer> positions) {
        for (int i = 1; i < elements.size(); i++) {
            AiElement e = elements.get(i);
            String before = null;
            for (int j = 0; j < i && before == null; j++) {
                if (elements.get(j).ai().equals(e.ai())) {
                    before = elements.get(j).value();
                }
            }
            if (before != null && !before.equals(e.value())) {
                throw new Gs1SyntaxException(Gs1Error.CONFLICTING_REPEAT, e.ai(), positions.get(i), "(" + e.ai()
                        + ") appears again with value '" + e.value() + "' after '" + before + "'");
            }
        }
    }

    private static void exclusions(AiDefinition def, List<AiElement> elements, int position) {
        for (String pattern : def.excludes()) {
            for (AiElement other : elements) {
                if (!other.ai().equals(def.ai()) && matches(pattern, other.ai())) {
                    throw new Gs1SyntaxException(Gs1Error.EXCLUSIVE_AIS, def.ai(), position, "(" + def.ai()
                            + ") and (" + other.ai() + ") must not appear together");
                }
            }
        }
    }

    private static void requisites(AiDefinition def, List<AiElement> elements, int position) {
        String[][][] rules = def.parsedRequires();
        for (int r = 0; r < rules.length; r++) {
            String rule = def.requires().get(r);
            boolean satisfied = false;
            for (String[] alternative : rules[r]) {
                boolean all = true;
                for (String needed : alternative) {
                    if (!present(needed, elements)) {
                        all = false;
                        break;
                    }
                }
                if (all) {
                    satisfied = true;
                    break;
                }
            }
            if (!satisfied) {
                throw new Gs1SyntaxException(Gs1Error.MISSING_REQUIRED_AI, def.ai(), position, "(" + def.ai()
                        + ") needs " + describe(rule) + " in the same element string");
            }
        }
    }

    /** A signature must cover a serialised key: GDTI, GCN and GRAI only count with their serial component. */
    private static void serialisedKeyForSignature(List<AiElement> elements, List<Integer> positions) {
        if (!present("8030", elements)) {
            return;
        }
        for (int i = 0; i < elements.size(); i++) {
            AiElement e = elements.get(i);
            int keyLength = switch (e.ai()) {
                case "253", "255" -> 13;
                case "8003" -> 14;
                default -> -1;
            };
            if (keyLength > 0 && e.value().length() <= keyLength) {
                throw new Gs1SyntaxException(Gs1Error.MISSING_REQUIRED_AI, e.ai(), positions.get(i), "(8030) signs ("
                        + e.ai() + ") " + e.value() + ", which has no serial component");
            }
        }
    }

    private static boolean present(String pattern, List<AiElement> elements) {
        for (int i = 0; i < elements.size(); i++) {
            if (matches(pattern, elements.get(i).ai())) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String pattern, String ai) {
        if (pattern.length() != ai.length()) {
            return false;
        }
        for (int i = 0; i < pattern.length(); i++) {
            char p = pattern.charAt(i);
            if (p != 'n' && p != ai.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(String rule) {
        return "one of (" + rule.replace(",", ") or (").replace("+", ") with (") + ")";
    }
}
