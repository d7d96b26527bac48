package dev.wedge.scanner.gs1;

import java.util.List;
import java.util.Map;

/**
 * The rules that apply to a whole element string: an AI repeated with a different value, AIs that exclude each
 * other ({@code ex=}), AIs that need companions ({@code req=}), and a digital signature (8030) over a key that
 * lacks its serial component. Patterns such as {@code 310n} or {@code 31nn} match any digit for each 'n'.
 */
final class Associations {

    private Associations() {
    }

    static void validate(List<AiElement> elements, List<Integer> positions, AiDictionary dictionary) {
        repeats(elements, positions);
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
        serialisedKeyForSignature(elements, positions);
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

    /** Parsed req= rules: alternatives, each a list of AIs or patterns. Rules repeat across AIs, so they are kept. */
    private static final Map<String, String[][]> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    private static String[][] parse(String rule) {
        return PARSED.computeIfAbsent(rule, r -> {
            String[] alternatives = r.split(",");
            String[][] parsed = new String[alternatives.length][];
            for (int i = 0; i < alternatives.length; i++) {
                parsed[i] = alternatives[i].split("\\+");
            }
            return parsed;
        });
    }

    private static void requisites(AiDefinition def, List<AiElement> elements, int position) {
        for (String rule : def.requires()) {
            boolean satisfied = false;
            for (String[] alternative : parse(rule)) {
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
        if (elements.stream().noneMatch(e -> e.ai().equals("8030"))) {
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
